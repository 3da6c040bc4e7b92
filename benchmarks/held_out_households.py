#!/usr/bin/env python3
"""A held-out generator of young people's records for record linkage.

Written apart from Waymark's own HouseholdGenerator (without reading it or the
matching engine), so that it is a fair test of issue 18's "any realistic
generator" targets. Standard library only.

    python3 benchmarks/held_out_households.py --records 100000 --seed 7 --out held.csv
    waymark match dedupe --input held.csv --output clusters.csv --explain pairs.jsonl
    python3 benchmarks/score_dedupe.py --input held.csv --clusters clusters.csv --explain pairs.jsonl

Columns: record_id, given_name, middle_names, family_name, dob, gender,
postcode, address, phone, upn, uln, school, true_id (the hidden truth).
`--meta FILE` also writes, per record, its source, household, the person's
twin flag and the spoilings applied (for classifying a matcher's errors).

The model, in short:
- People are English young people aged 16 to 25 in 2026, weighted to 16-18
  (the CCIS core cohort). Households have 1-5 children (3% of maternities
  twins, 1 in 1,500 triplets) born 10 months to 8 years apart; only the
  children in the age window appear, so a household of four may show two.
- Names come from per-community tables (white British, Irish/Scots/Welsh,
  South Asian, Black African and Caribbean, Eastern European, East Asian,
  Turkish/Arabic/Kurdish) with Zipf-Mandelbrot weights (Jack about 3% of boys,
  Smith about 1.4% of people), 12% of given names from a flat tail, a quarter
  of white British households a rarer surname built from syllables, 3% a
  double-barrelled one. Siblings never share a name or its variant or diminutive.
- Siblings share family name, address, postcode and contact phone, usually
  a school and a primary school (so UPNs share the LA and establishment
  part; twins' serials are consecutive).
- 22% of households moved in the last five years; sources hold the address
  of the time they took the record. 5% of children changed surname; 7%
  carry a surname other than the household's (half-siblings).
- Five sources: school census (SC), college ILR (FE), youth service (YS),
  LA admissions (AD, taken at age 10, so an old address), health (HE).
  Each keeps different fields with its own spelling quality.
- Records per person: 1 (64%), 2 (25%), 3 (8%), 4 (3%): about 0.67 people
  per record, 36% of people with more than one record.
"""
import argparse
import csv
import datetime
import random

# ---------------------------------------------------------------- names
# Each table is in rough order of frequency; weights are Zipf (1 / rank^s).

BOYS = {
    "british": """Jack Thomas Joshua James Oliver Daniel Samuel William Harry Joseph Benjamin Matthew Charlie Luke
        Callum Ryan George Lewis Alexander Ethan Jake Adam Liam Jacob Alfie Nathan Cameron Dylan Connor Tyler Kieran
        Michael Jordan Bradley Christopher Owen Harvey Max Jamie Kyle Aaron Reece Edward Henry Louis Brandon Sam Ben
        Isaac Finley Toby Lucas Oscar Archie Rhys Charles Elliot Mason Joe Harrison Ellis Billy Leo Logan Aidan Kai
        Jayden Evan Freddie Noah David Robert Alex Scott Andrew Morgan Ashton Nicholas Jonathan Anthony Frederick Alfred
        Stephen Mark Paul Richard Dominic Sebastian Hugo Theo Tom Ashley Bailey Brooklyn Curtis Dean Dale Danny Darren
        Declan Elliott Ewan Felix Gabriel Jesse Jude Kian Lee Leon Lennon Marcus Miles Nathaniel Perry Peter Ross
        Rory Ruben Shane Spencer Stanley Tristan Troy Vincent Wayne Zachary Zac Arthur Albie Ronnie Reuben Caleb Jenson
        Bobby Tommy Teddy Rowan Seth Frankie Hayden Jay Jason Josh Kayden Keegan Lloyd Mitchell Morgan Nathanael Ollie
        Phillip Preston Ricky Riley Robbie Rohan Ryley Tobias Warren Xander Zak Conor Aiden Jaiden Jaden Jaydon""",
    "celtic": """Ciaran Cian Eoin Niall Padraig Oisin Sean Conor Declan Fionn Ronan Darragh Cormac Eamon Ruairi Tadhg
        Dafydd Gethin Rhodri Iwan Osian Steffan Gwion Ieuan Cai Rhys Fraser Ruaridh Hamish Angus Callum Euan Finlay
        Alasdair Lachlan Struan Calum Craig Gregor Murray Kenzie""",
    "southasian": """Mohammed Muhammad Ibrahim Ali Hamza Yusuf Ahmed Zain Bilal Omar Hassan Usman Ayaan Rayyan Zakariya
        Ismail Abdul Imran Haris Aryan Arjun Rohan Harjot Gurpreet Jaskaran Sukhdeep Ravi Dev Vikram Krish Ishaan
        Aarav Sahil Rahul Amir Faisal Tariq Asad Saif Adnan Ayub Danyal Ehsan Farhan Haider Idris Junaid Kashif
        Mustafa Nabeel Raheem Sami Shoaib Suleman Waleed Yahya Zubair Harpreet Manpreet Amandeep Jaspal Simranjit
        Rajveer Karan Nikhil Sanjay Anish Varun Tahmid Rafiq Shahid Sabbir Rakib Ashraf""",
    "black": """Kwame Kofi Chidi Oluwaseun Tobi Emeka Tunde Jermaine Tyrone Marcus Dwayne Malachi Tyrese Abdi
        Abdirahman Mahamed Abdullahi Liban Mustafe Kelechi Chinedu Obinna Ifeanyi Femi Seun Ayodele Kayode Yaw
        Kwabena Kojo Nana Delroy Devon Andre Jerome Shaquille Darnell Isaiah Elijah Emmanuel Samuel Daniel Joshua
        Precious Godwin Prince""",
    "easteuro": """Jakub Kacper Szymon Filip Mateusz Bartosz Dawid Piotr Tomasz Michał Łukasz Kamil Patryk Oskar
        Wiktor Igor Adrian Andrei Ionuț Alexandru Mihai Stefan Cristian Gabriel Lukas Matas Dominykas Mantas Nojus
        Arnas Kristers Roberts Daniil Artem Maksym Bogdan Vasile Nikola""",
    "eastasian": """Wei Jun Hao Jian Ming Yi Kai Chen Minh Duc Huy Tuan Long Ethan Ryan Kevin Jason Jonathan""",
    "middleeast": """Emre Mehmet Kerem Yusuf Can Baran Deniz Soran Rebin Karwan Youssef Karim Tariq Ahmad Omar
        Khalid Hussein Mahmoud Ali Sami Rami Mustafa""",
}
GIRLS = {
    "british": """Emily Chloe Jessica Sophie Megan Lauren Charlotte Hannah Olivia Ellie Lucy Emma Grace Amy Katie
        Molly Holly Bethany Georgia Rebecca Amelia Mia Ella Abigail Isabelle Eleanor Caitlin Leah Jade Shannon
        Courtney Paige Rachel Laura Sarah Amber Millie Evie Lily Isabella Phoebe Ruby Jasmine Erin Freya Zoe Natasha
        Danielle Nicole Samantha Kayleigh Alice Poppy Daisy Elizabeth Katherine Catherine Victoria Alexandra Eve Anna
        Maisie Imogen Scarlett Summer Sienna Keira Tia Aimee Jodie Kelsey Rosie Harriet Madison Layla Esme Matilda
        Florence Francesca Gemma Hayley Naomi Stephanie Melissa Kirsty Demi Chelsea Abbie Alisha Annabel Beth Bethan
        Brooke Carly Casey Charlie Chantelle Ebony Eliza Elise Ellen Eloise Emilia Faith Gabrielle Georgina Gracie
        Heidi Hollie Hope India Isla Jennifer Jenna Jorja Kate Kayla Kiera Lacey Lara Leanne Libby Lilly Lola Louise
        Lydia Macy Maddison Maria Martha Maya Megan Mollie Nadia Nancy Nina Niamh Olive Paris Rhiannon Robyn Rose
        Sadie Sara Shauna Sofia Sophia Tegan Tilly Tyler Violet Willow Yasmin Zara Aaliyah Aliyah Ava Darcy Edie""",
    "celtic": """Siobhan Aoife Ciara Orla Roisin Saoirse Sinead Niamh Clodagh Aisling Caoimhe Grainne Eimear Cerys
        Ffion Seren Carys Nia Lowri Megan Elin Mali Eilidh Iona Kirsten Mhairi Morven Catriona Isla Skye Kenna""",
    "southasian": """Aisha Ayesha Fatima Maryam Zara Amina Khadija Hafsa Zainab Sana Iqra Mariam Noor Hira Safa
        Aleena Anaya Alisha Amira Hiba Inaya Laiba Mahnoor Manahil Nimra Rabia Ruqayyah Sumaya Tasnim Umaima
        Priya Simran Harpreet Jaspreet Navneet Anjali Pooja Divya Kiran Nadia Yasmin Samira Shreya Riya Aanya
        Gurleen Manpreet Jasleen Amrit Sukhmani Nusrat Sadia Tahmina Farhana Sumaiya Rukhsana Shabnam Rehana""",
    "black": """Fartun Hodan Ayan Nimco Ifrah Hibo Chiamaka Adaeze Ngozi Chidinma Ifeoma Abena Ama Esi Akosua
        Precious Blessing Favour Grace Shanice Tanisha Chantelle Kezia Jada Aaliyah Keisha Tiana Nia Zuri Ruth
        Esther Deborah Temitope Folake Funmilayo Oluwadamilola Adeola Simisola Mercy Patience""",
    "easteuro": """Zuzanna Julia Wiktoria Natalia Aleksandra Maja Oliwia Kinga Agnieszka Gabriela Małgorzata Weronika
        Karolina Paulina Martyna Ioana Andreea Elena Bianca Alexandra Maria Gabija Ugne Kotryna Emilija Austeja
        Anastasia Daria Sofiia Viktoria Alina Lena Zofia Hanna Natálie""",
    "eastasian": """Mei Ling Xin Yan Hui Jia Linh Thuy Trang Anh Mai Ngoc Grace Michelle Jenny Amy Vivian Cindy""",
    "middleeast": """Elif Zeynep Ayse Merve Esra Dilan Rojin Shilan Nour Layla Rania Yasmin Fatima Mariam Salma Huda
        Lina Dana Sara Jana""",
}
FAMILY = {
    "british": """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
        Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris
        Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young
        Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Miller Cox Richards Marshall Anderson
        Simpson Ellis Adams Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Hunt Matthews Owen Palmer Holmes
        Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Dixon Harvey Graham Pearson Fletcher
        Gibson Howard Andrews Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson
        Bradley Spencer Dawson Ball Burton Watts Rose Booth Perry Grant Wells Armstrong Francis Hayes Hart Hudson
        Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Holland
        Hawkins Harding Porter Newton Oliver Reed Williamson Bird Gardner Dean Lane Cooke Bates Parry Burgess Bishop
        Walton Nicholson Shepherd Cross Long Freeman Warren Nicholls Sutton Yates Hodgson Robson Curtis Hopkins Harper
        Coleman Watkins Moss Chambers Sharp Hardy Wheeler Potter Osborne Jordan Hutchinson Ainsworth Barlow Beaumont
        Blackburn Bottomley Brook Broadbent Crowther Dyson Firth Haigh Hirst Holroyd Ibbotson Kitson Lockwood Moorhouse
        Mortimer Naylor Oldroyd Pickles Ramsden Sykes Thornton Townend Whiteley Wormald Heaton Greenwood Sutcliffe
        Illingworth Butterworth Ackroyd Stansfield Horsfall Pollard Rushworth Priestley""",
    "celtic": """Murphy Kelly O'Brien Ryan Walsh Byrne O'Connor O'Neill McCarthy Doyle Gallagher Quinn O'Sullivan
        McLaughlin Kennedy Brennan Fitzgerald Donnelly McGuinness O'Donnell Reilly Kavanagh Nolan O'Reilly Campbell
        Stewart Murray MacDonald McDonald MacLeod Fraser Reid Robertson Ross Hamilton Johnston Gordon Wallace McKenzie
        Mackay Llewellyn Pritchard Vaughan Rees Griffith Howells Jenkins Bowen Prosser Probert ApRhys""",
    "southasian": """Khan Patel Singh Begum Ali Hussain Ahmed Kaur Shah Rahman Miah Akhtar Iqbal Mahmood Rashid
        Chowdhury Uddin Islam Malik Mirza Qureshi Sharma Kumar Mistry Parmar Sandhu Dhillon Sidhu Gill Bains Hussein
        Bibi Butt Javed Sheikh Siddiqui Aslam Anwar Bashir Hanif Latif Nawaz Raza Saleem Yousaf Zaman Choudhury
        Hoque Karim Sarkar Begam Mehta Desai Joshi Chauhan Solanki Lad Grewal Johal Atwal Rai""",
    "black": """Mohamed Abdi Hassan Omar Farah Ali Warsame Osman Okafor Adeyemi Okonkwo Mensah Boateng Asante Owusu
        Adebayo Oluwole Okoro Eze Nwosu Ogunleye Bankole Appiah Darko Agyeman Campbell Williams Brown Thomas Francis
        Richards Grant Henry Clarke Johnson Reid Edwards Simpson Morgan Samuels""",
    "easteuro": """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
        Dąbrowski Kozłowski Jankowski Mazur Krawczyk Popescu Ionescu Popa Radu Dumitru Stoica Kazlauskas
        Jankauskas Petrauskas Stankevičius Bērziņš Ivanov Petrov Horvath Novak""",
    "eastasian": """Chen Wang Li Zhang Liu Wong Yang Huang Zhao Wu Lin Cheung Nguyen Tran Pham Le Hoang Vu Dang""",
    "middleeast": """Yilmaz Kaya Demir Celik Sahin Yildiz Aydin Ozturk Arslan Dogan Ahmadi Hosseini Abdullah Saleh
        Haddad Mansour Karimi Rashidi Mohammadi Aziz""",
}
MUSLIM_BOYS = set("""Ibrahim Ali Hamza Yusuf Ahmed Zain Bilal Omar Hassan Usman Ayaan Rayyan Zakariya Ismail Abdul Imran
    Haris Amir Faisal Tariq Asad Saif Adnan Ayub Danyal Ehsan Farhan Haider Idris Junaid Kashif Mustafa Nabeel Raheem
    Sami Shoaib Suleman Waleed Yahya Zubair Tahmid Rafiq Shahid Sabbir Rakib Ashraf""".split())
MUSLIM_FAMILIES = set("""Khan Begum Ali Hussain Ahmed Shah Rahman Miah Akhtar Iqbal Mahmood Rashid Chowdhury Uddin Islam Malik
    Mirza Qureshi Hussein Bibi Butt Javed Sheikh Siddiqui Aslam Anwar Bashir Hanif Latif Nawaz Raza Saleem Yousaf Zaman
    Choudhury Hoque Karim Begam""".split())
COMMUNITIES = [("british", 0.63), ("celtic", 0.06), ("southasian", 0.13), ("black", 0.07), ("easteuro", 0.06),
               ("eastasian", 0.02), ("middleeast", 0.03)]

# Spelling variants (same name, another spelling) and diminutives / nicknames.
VARIANT_GROUPS = """Mohammed Muhammad Mohammad Mohamed Muhammed Mohamad Mohammod
Ahmed Ahmad Ahmet|Yusuf Yousef Youssef Yousuf|Hassan Hasan|Hussain Hussein Husain|Ibrahim Ebrahim
Aisha Ayesha Aysha|Fatima Fatimah|Zainab Zaynab|Khadija Khadijah|Maryam Mariam Mariyam|Ruqayyah Ruqaya
Aaliyah Aliyah Aleah|Caitlin Kaitlyn Katelyn Caitlyn|Leah Lea Lia|Zoe Zoë Zoey|Sophie Sophia Sofia
Isabelle Isabel Isobel Isabella|Ellie Elly Ellie-May|Megan Meghan Meagan|Jayden Jaden Jaydon Jaiden
Aidan Aiden Ayden|Rhys Reece Reese|Lewis Louis|Connor Conor|Sean Shaun Shawn|Niamh Neve|Stephen Steven
Jon John|Katherine Catherine Kathryn Katharine|Rebecca Rebekah|Hollie Holly|Mollie Molly|Lilly Lily Lillie
Maddison Madison|Abbie Abby Abi|Zachary Zachariah|Philip Phillip|Jakub Jacob Jakob|Michał Michal
Łukasz Lukasz Lucas|Ionuț Ionut|Natálie Natalie|Aleksandra Alexandra|Jasmine Jasmin Yasmin|Brooke Brook
Freddie Freddy|Tommy Tommie|Ayan Ayaan|Eilidh Ailie|Ruaridh Ruairi Rory|Calum Callum|Euan Ewan|Ieuan Iwan
|Amy Aimee Amie|Sara Sarah|Hannah Hanna|Lacey Lacie|Kiera Keira Kira|Ruby Rubi|Evie Evey|Macy Maisie Maisy
|Matas Matthias|Gabriela Gabriella|Cerys Ceris|Ffion Fion|Iwan Ewan|Kai Kye|Jay Jai|Leon Leone|Liban Leban""".replace("\n", "|")
NICK_GROUPS = """Alexander: Alex Sasha Xander Sandy|Alexandra: Alex Lexi Sasha Ali|Katherine: Kate Katie Kat Kathy
|Catherine: Cath Cathy Kate Katie|Mohammed: Mo Md Moe|Muhammad: Mo Md|William: Will Billy Liam Bill
|James: Jim Jimmy Jamie|Thomas: Tom Tommy|Joshua: Josh|Samuel: Sam Sammy|Daniel: Dan Danny|Benjamin: Ben Benji
|Joseph: Joe Joey|Matthew: Matt Matty|Christopher: Chris Kit|Nicholas: Nick Nicky|Jonathan: Jon Jonny
|Edward: Ed Eddie Ted Teddy|Robert: Rob Robbie Bobby|Michael: Mike Mikey Mick|Anthony: Tony Ant
|Frederick: Fred Freddie|Alfred: Alfie Alf|Henry: Harry Hal|Charles: Charlie Chaz|Oliver: Ollie Olly
|Elizabeth: Liz Lizzie Beth Eliza Libby|Rebecca: Becky Becca Bex|Jessica: Jess Jessie|Samantha: Sam Sammy
|Victoria: Vicky Tori|Abigail: Abbie Abby|Isabelle: Izzy Bella Issy|Isabella: Izzy Bella|Eleanor: Ellie Nell
|Charlotte: Lottie Charlie|Amelia: Millie Amy|Emily: Em Emmy|Gabriela: Gabby Gabi|Natasha: Tasha Tash
|Stephanie: Steph|Jennifer: Jen Jenny|Jakub: Kuba Jake|Aleksandra: Ola Ala|Małgorzata: Gosia|Zachary: Zac Zak
|Nathaniel: Nate Nat|Nathan: Nate|Cameron: Cam|Callum: Cal|Bradley: Brad|Dominic: Dom|Sebastian: Seb
|Theodore: Theo|Richard: Rich Ricky|Andrew: Andy Drew|Kieran: Kie|Ibrahim: Ibby Abe|Abdirahman: Abdi
|Abdullahi: Abdi|Oluwaseun: Seun Shaun|Oluwadamilola: Dami Lola|Temitope: Tope Temi|Chidinma: Chi|Kelechi: Kele
|Francesca: Fran Frankie|Harriet: Hattie|Georgia: George|Jacob: Jake|Alexandru: Alex|Alicja: Ala|Daria: Dasha
|Anastasia: Ana Stacey|Matilda: Tilly|Florence: Flo|Penelope: Penny|Josephine: Josie|Gabriel: Gabe
|Mateusz: Matt|Piotr: Peter|Tomasz: Tom|Wei: William|Minh: Michael|Emre: Em|Zakariya: Zak Zack
|Bethany: Beth|Grace: Gracie|Eve: Evie|Lily: Lil|Mia: Mimi|Ciaran: Kieran Cian|Sean: Shay|Eoin: Owen
|Dafydd: Dai Dave|Margaret: Maisie Meg|Hamza: Hamz|Tobias: Toby|Reuben: Ruben Rube|Ruby: Rubes""".replace("\n", "")

VARIANTS = {}
for group in VARIANT_GROUPS.split("|"):
    names = group.split()
    for n in names:
        VARIANTS.setdefault(n, []).extend(m for m in names if m != n)
NICKS = {}
for item in NICK_GROUPS.split("|"):
    full, short = item.split(":")
    NICKS[full.strip()] = short.split()

ASCII = str.maketrans("łŁąćęńóśźżĄĆĘŃÓŚŹŻăâîșțĂÂÎȘȚëéèáíúüöçğışčėįšųūžēīņķļāḥ", "lLacenoszzACENOSZZaaistAAISTeeeaiuuocgisceisuuzeinklah")

KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm",
            ["wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "adwx", "sfce", "dgrv", "fhtb",
             "gjyn", "hkum", "jli", "kop", "xas", "zcsd", "xvdf", "cbfg", "vngh", "bmhj", "nj"])}

SYLLABLES_A = """Ash Bram Cal Dun Ell Farn Gos Hal Ing Kel Lang Mar Nor Ock Pen Quar Rad Scar Thorn Ul Ver Wend Yar Ack
    Bark Birk Cant Crab Dray Elm Fen Gar Hart Hol Kirk Lid Mel Nether Oat Pad Rams Shel Stan Tad Wad Whit Wil Brad Brig
    Cold Ding Eg Gild Hep Hors Lock Mid Ross Sow Thurn Tod Ward Wyke Hebb Oss Swill Marl""".split()
SYLLABLES_B = """bury by croft dale den field ford gate ham hurst ley low more shaw stead thwaite ton well wick worth
    ridge royd sall thorpe cliffe holme bottom wood land lington ington ers ell cock kin son""".split()

TOWNS = [("Kirkmoor", "LS", (1, 29)), ("Hebden Cross", "HX", (1, 7)), ("Ossett Vale", "WF", (1, 17)),
         ("Bramley Marsh", "BD", (1, 22)), ("Calder Bridge", "HD", (1, 9)), ("Netherby", "LS", (21, 29))]
STREET_A = """Acacia Albert Alexandra Ash Beech Birch Cedar Chapel Church Clarence Cliff Commercial Cross Dale Elm
    Fern Field Fir Gladstone Grange Green Grove Hall Hawthorn Heath High Hill Holly Ivy Kings Laburnum Lime Manor
    Maple Market Meadow Mill Moor Mount Nelson Newton North Oak Orchard Park Poplar Priory Queens Railway Regent
    Rose School Spring Station Stone Sycamore Union Vicarage Victoria Water West Willow Windsor York Wharf Beck
    Tannery Foundry Weavers Spinners Clough Fold Ings Carr Royd Shay Lister Salts Titus Calder Aire Wharfe Holme
    Cragg Bank Brow Edge Knowle Lea Marsh Nook Pasture Rein Stainton Tarn Thorpe Wold Heights""".split()
STREET_B = [("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Close", "Cl"), ("Drive", "Dr"), ("Lane", "Ln"),
            ("Grove", "Gr"), ("Crescent", "Cres"), ("Way", "Way"), ("Court", "Ct"), ("Gardens", "Gdns"),
            ("Terrace", "Terr"), ("Place", "Pl"), ("View", "Vw"), ("Walk", "Wlk"), ("Rise", "Rise"), ("Mount", "Mt")]
SCHOOL_KINDS = ["Academy", "High School", "School", "Community College", "Grammar School", "Catholic High School",
                "Church of England Academy", "Free School"]
SCHOOL_ABBR = {"Academy": "Acad", "High School": "High", "School": "Sch", "Community College": "CC",
               "Grammar School": "Grammar", "Catholic High School": "RC High", "Church of England Academy": "CE Academy",
               "Free School": "Free Sch"}
LA_CODES = [383, 383, 383, 383, 381, 384, 380, 382, 370, 372, 208, 886]
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def zipf_table(words, s, q):
    """Zipf-Mandelbrot weights 1 / (rank + q)^s: the offset q keeps the top
    name near its real share (Jack about 3% of boys, Smith about 1.3%)."""
    names = words.split()
    seen, unique = set(), []
    for n in names:
        if n not in seen:
            seen.add(n)
            unique.append(n)
    weights = [1.0 / (i + 1 + q) ** s for i in range(len(unique))]
    return unique, cumulative(weights)


def cumulative(weights):
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def upn_check_letter(digits12):
    """DfE check letter: digits at positions 2..13 weighted 2..13, modulo 23,
    mapped onto the alphabet without I, O and S."""
    total = sum(int(d) * w for d, w in zip(digits12, range(2, 14)))
    return UPN_LETTERS[total % 23]


def uln_check_digit(digits9):
    """ULN check digit (Learning Records Service): first nine digits weighted
    10 down to 2, and the check is 10 minus the sum modulo 11; 10 is invalid."""
    total = sum(int(d) * w for d, w in zip(digits9, range(10, 1, -1)))
    check = 10 - total % 11
    return None if check == 10 else str(check)


def same_name(a, b):
    if a == b or b in VARIANTS.get(a, ()) or b in NICKS.get(a, ()) or a in NICKS.get(b, ()):
        return True
    return any(b in NICKS.get(v, ()) for v in VARIANTS.get(a, ())) or any(a in NICKS.get(v, ()) for v in VARIANTS.get(b, ()))


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.boys = {k: zipf_table(v, 1.0, 6) for k, v in BOYS.items()}
        self.girls = {k: zipf_table(v, 1.0, 6) for k, v in GIRLS.items()}
        self.family = {k: zipf_table(v, 1.0, 8 if k == "british" else 2) for k, v in FAMILY.items()}
        # the long tail: any name of any table, uniformly
        self.rare = {"M": sorted({n for v in BOYS.values() for n in v.split()}),
                     "F": sorted({n for v in GIRLS.values() for n in v.split()})}
        self.community = ([c for c, _ in COMMUNITIES], cumulative([w for _, w in COMMUNITIES]))
        self.used_addresses = set()
        self.postcodes = {}
        self.used_upns = set()
        self.used_ulns = set()
        r = self.r
        # Schools: secondary schools of the LA, plus colleges (for FE) and primaries (for UPN establishment numbers).
        self.schools = []
        for i in range(38):
            town = r.choice(TOWNS)[0]
            stem = r.choice([town, r.choice(STREET_A), "St " + r.choice(["Mary's", "John's", "Bede's", "Aidan's", "Wilfrid's",
                             "Joseph's", "Thomas More", "Peter's"]), r.choice(STREET_A) + " " + r.choice(["Park", "Hill", "Vale"])])
            kind = r.choice(SCHOOL_KINDS) if not stem.startswith("St ") else r.choice(["Catholic High School", "Church of England Academy", "Academy"])
            self.schools.append((stem, kind))
        self.school_weights = cumulative([1.0 / (i + 1) ** 0.4 for i in range(len(self.schools))])
        self.primaries = [(r.choice(LA_CODES), r.choice([2, 2, 2, 3, 3, 5]) * 1000 + r.randrange(1, 999)) for _ in range(240)]

    # ------------------------------------------------------------ helpers
    def pick(self, table):
        names, cum = table
        x = self.r.random() * cum[-1]
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return names[lo]

    def pick_community(self):
        return self.pick(self.community)

    def given_name(self, community, sex):
        r = self.r
        tables = self.boys if sex == "M" else self.girls
        if r.random() < 0.12:
            return r.choice(self.rare[sex])
        if community != "british" and r.random() < 0.25:
            community = "british"  # names cross communities
        return self.pick(tables[community])

    def family_name(self, community):
        r = self.r
        x = r.random()
        if x < (0.25 if community == "british" else 0.06):  # the long tail of rarer surnames
            return r.choice(SYLLABLES_A) + r.choice(SYLLABLES_B)
        if community != "british" and r.random() < 0.1:
            community = "british"
        name = self.pick(self.family[community])
        if x > 0.97:
            other = self.pick(self.family["british"])
            if other != name:
                name = f"{name}-{other}"
        return name

    def address(self):
        r = self.r
        while True:
            town, area, (lo, hi) = r.choice(TOWNS)
            district = r.randint(lo, hi)
            street = (r.choice(STREET_A), r.choice(STREET_B))
            number = r.randint(1, r.choice([12, 30, 60, 120, 240]))
            flat = r.randint(1, 24) if r.random() < 0.12 else None
            key = (town, district, street, number, flat)
            if key not in self.used_addresses or r.random() < 0.01:  # a few share an address (HMOs, two families)
                self.used_addresses.add(key)
                break
        pkey = (town, district, street, number // 24)
        pc = self.postcodes.get(pkey)
        if pc is None:
            pc = f"{area}{district} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            self.postcodes[pkey] = pc
        return {"town": town, "street": street, "number": number, "flat": flat, "postcode": pc,
                "building": r.choice(["House", "Court", "Mill", "Lofts", "Point"]) if flat else None}

    def landline(self, town):
        code = {"Kirkmoor": "0113", "Netherby": "0113", "Hebden Cross": "01422", "Ossett Vale": "01924",
                "Bramley Marsh": "01274", "Calder Bridge": "01484"}[town]
        digits = 7 if code == "0113" else 6
        return code + " " + str(self.r.randint(2, 8)) + "".join(str(self.r.randrange(10)) for _ in range(digits - 1))

    def mobile(self):
        return "07" + str(self.r.choice([4, 5, 7, 8, 9])) + "".join(str(self.r.randrange(10)) for _ in range(8))

    def upn(self, la, estab, year, serial):
        body = f"{la:03d}{estab:04d}{year % 100:02d}{serial % 1000:03d}"
        return upn_check_letter(body) + body

    def new_upn(self, la, estab, year):
        while True:
            u = self.upn(la, estab, year, self.r.randrange(1000))
            if u not in self.used_upns:
                self.used_upns.add(u)
                return u

    def new_uln(self):
        while True:
            body = str(self.r.randint(1, 9)) + "".join(str(self.r.randrange(10)) for _ in range(8))
            c = uln_check_digit(body)
            if c is not None and body + c not in self.used_ulns:
                self.used_ulns.add(body + c)
                return body + c

    # ------------------------------------------------------------ households and people
    def household(self, hid):
        r = self.r
        community = self.pick_community()
        family = self.family_name(community)
        n_children = r.choices([1, 2, 3, 4, 5], [0.26, 0.40, 0.22, 0.08, 0.04])[0]
        home = self.address()
        moved = r.random() < 0.22
        old = self.address() if moved else None
        move_date = datetime.date(2021, 1, 1) + datetime.timedelta(days=r.randrange(5 * 365)) if moved else None
        landline = self.landline(home["town"]) if r.random() < 0.4 else None
        parent_mobile = self.mobile()
        old_phone = (self.landline(old["town"]) if r.random() < 0.5 else self.mobile()) if moved else None
        # the anchor child: weighted to the CCIS core cohort (16-18 in 2026)
        if r.random() < 0.62:
            anchor = datetime.date(2007, 9, 1) + datetime.timedelta(days=r.randrange(3 * 365 + 1))
        else:
            anchor = datetime.date(2000, 9, 1) + datetime.timedelta(days=r.randrange(7 * 365 + 2))
        births = []  # (dob, multiplicity)
        k = r.randrange(n_children)  # the anchor's place among the children
        dates = [anchor]
        d = anchor
        for _ in range(k):  # older siblings
            d = d - datetime.timedelta(days=300 + int(r.gammavariate(2.2, 420)))
            dates.insert(0, d)
        d = anchor
        for _ in range(n_children - k - 1):
            d = d + datetime.timedelta(days=300 + int(r.gammavariate(2.2, 420)))
            dates.append(d)
        count = 0
        for d in dates:
            if count >= n_children:
                break
            x = r.random()
            m = 3 if x < 0.0007 else 2 if x < 0.03 else 1
            m = max(1, min(m, 5 - count))
            births.append((d, m))
            count += m
        school = self.pick((self.schools, self.school_weights))
        primary = r.choice(self.primaries)
        children = []
        half_name = self.family_name(community) if r.random() < 0.07 else None
        for d, m in births:
            twin_sexes = None
            birth_upn = None
            for j in range(m):
                if not (datetime.date(2000, 9, 1) <= d <= datetime.date(2010, 8, 31)):
                    continue
                dob = d
                if m > 1 and j > 0 and r.random() < 0.02:
                    dob = d + datetime.timedelta(days=1)  # born either side of midnight
                sex = r.choice("MF")
                if m > 1 and twin_sexes and r.random() < 0.35:
                    sex = twin_sexes  # identical twins
                twin_sexes = sex
                given = self.given_name(community, sex)
                for _ in range(30):  # not a sibling's name, nor that name in another spelling or a diminutive
                    if not any(same_name(given, c["given"]) for c in children):
                        break
                    given = self.given_name(community, sex)
                middles = []
                if sex == "M" and family in MUSLIM_FAMILIES and r.random() < 0.35:
                    # Mohammed first, the called name second (a Pakistani and Bangladeshi custom)
                    middles = [r.choice(sorted(MUSLIM_BOYS))]
                    given = r.choice(["Mohammed", "Muhammad", "Mohammad"])
                elif r.random() < 0.78:
                    middles = [self.given_name(community, sex)]
                    if r.random() < 0.12:
                        middles.append(self.given_name(community, sex))
                middles = [x for x in middles if x != given]
                fam = family
                if half_name and r.random() < 0.5:
                    fam = half_name
                if fam in ("Singh", "Kaur"):  # Sikh names follow the child's sex
                    fam = "Singh" if sex == "M" else "Kaur"
                prev_family = None
                if r.random() < 0.05:
                    prev_family = self.family_name(community)
                    if "-" in fam and r.random() < 0.5:
                        prev_family = fam.split("-")[r.randrange(2)]
                    elif r.random() < 0.3:
                        prev_family = fam
                        fam = f"{prev_family}-{self.family_name('british')}"
                own_school = school if r.random() < 0.85 else self.pick((self.schools, self.school_weights))
                upn_year = dob.year + 5 if dob.month < 9 else dob.year + 6
                la, estab = primary
                if r.random() < 0.15:  # started school elsewhere
                    la, estab = r.choice(self.primaries)
                    upn_year += r.randint(0, 6)
                if birth_upn and r.random() < 0.8:  # a twin's UPN: the next serial
                    body = birth_upn[1:]
                    upn = self.upn(int(body[:3]), int(body[3:7]), int(body[7:9]), (int(body[9:]) + 1) % 1000)
                    if upn in self.used_upns:
                        upn = self.new_upn(la, estab, upn_year)
                    self.used_upns.add(upn)
                else:
                    upn = self.new_upn(la, estab, upn_year) if r.random() < 0.97 else None
                birth_upn = upn
                known_as = None
                x = r.random()
                if x < 0.04 and middles:
                    known_as = middles[0]  # goes by the middle name
                elif x < 0.30 and given in NICKS:
                    known_as = r.choice(NICKS[given])
                children.append({
                    "hid": hid, "community": community, "sex": sex, "dob": dob, "given": given, "middles": middles,
                    "family": fam, "prev_family": prev_family, "known_as": known_as, "twin": m > 1,
                    "school": own_school, "upn": upn, "uln": self.new_uln() if r.random() < 0.9 else None,
                    "mobile": self.mobile() if r.random() < 0.85 else None,
                })
        return {"home": home, "old": old, "move_date": move_date, "landline": landline, "parent_mobile": parent_mobile,
                "old_phone": old_phone, "children": children}


# Each source's habits. q: probability of a spoiling per field (scaled).
SOURCES = {
    # school census: legal names, good dates, UPN nearly always; address as of leaving school
    "SC": dict(weight=0.30, middle=0.75, nick=0.02, typo=0.012, upn=0.97, uln=0.20, dob_missing=0.002, dob_err=0.006,
               gender_missing=0.005, address=0.98, span=0, phone=("parent", 0.85), school=0.99, caps=0.3,
               swap=0.002, ascii=0.7, address_style="full"),
    # college ILR: legal names (mostly), ULN, young person's own mobile, current address
    "FE": dict(weight=0.25, middle=0.25, nick=0.05, typo=0.02, upn=0.35, uln=0.92, dob_missing=0.003, dob_err=0.01,
               gender_missing=0.01, address=0.95, span=2.5, phone=("own", 0.9), school=0.6, caps=0.5,
               swap=0.004, ascii=0.9, address_style="short"),
    # youth service: names as the young person gives them, typed in a hurry
    "YS": dict(weight=0.18, middle=0.05, nick=0.45, typo=0.06, upn=0.06, uln=0.05, dob_missing=0.10, dob_err=0.04,
               gender_missing=0.06, address=0.70, span=4, phone=("own", 0.75), school=0.45, caps=0.1,
               swap=0.02, ascii=1.0, address_style="loose"),
    # LA admissions: taken at secondary transfer (age 10), parents' forms
    "AD": dict(weight=0.14, middle=0.85, nick=0.01, typo=0.015, upn=0.88, uln=0.0, dob_missing=0.001, dob_err=0.008,
               gender_missing=0.01, address=1.0, span=0, phone=("parent", 0.95), school=0.97, caps=0.0,
               swap=0.003, ascii=0.5, address_style="full"),
    # health (school nursing / CAMHS): legal names, current address, no education identifiers
    "HE": dict(weight=0.13, middle=0.5, nick=0.04, typo=0.02, upn=0.0, uln=0.0, dob_missing=0.0, dob_err=0.004,
               gender_missing=0.002, address=0.99, span=1.5, phone=("either", 0.8), school=0.15, caps=0.8,
               swap=0.003, ascii=0.8, address_style="full"),
}
SOURCE_NAMES = list(SOURCES)
SOURCE_CUM = cumulative([SOURCES[s]["weight"] for s in SOURCE_NAMES])


class Spoiler:
    def __init__(self, r):
        self.r = r

    def typo(self, s):
        r = self.r
        if len(s) < 3:
            return s
        i = r.randrange(1, len(s) - 1) if len(s) > 3 else r.randrange(len(s))
        kind = r.random()
        c = s[i]
        if kind < 0.35 and c.lower() in KEYBOARD:
            n = r.choice(KEYBOARD[c.lower()])
            return s[:i] + (n.upper() if c.isupper() else n) + s[i + 1:]
        if kind < 0.55:
            return s[:i] + s[i + 1:]  # dropped
        if kind < 0.75:
            return s[:i] + c + s[i:]  # doubled
        if kind < 0.95 and i + 1 < len(s):
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]  # transposed
        return s[:i] + c + c + s[i + 1:]

    def digit_typo(self, s):
        r = self.r
        idx = [i for i, c in enumerate(s) if c.isdigit()]
        if not idx:
            return s
        if r.random() < 0.3 and len(idx) > 1:
            k = r.randrange(len(idx) - 1)
            i, j = idx[k], idx[k + 1]
            if s[i] != s[j]:
                return s[:i] + s[j] + s[i + 1:j] + s[i] + s[j + 1:]
        i = r.choice(idx)
        d = str((int(s[i]) + r.choice([1, 9, 2, 8, 5])) % 10)
        return s[:i] + d + s[i + 1:]


def surname_form(r, fam, habits, tags):
    if "-" in fam:
        x = r.random()
        if x < 0.15:
            tags.append("dbl_half")
            return fam.split("-")[0] if r.random() < 0.6 else fam.split("-")[1]
        if x < 0.30:
            tags.append("dbl_space")
            return fam.replace("-", " ")
    if "'" in fam:
        x = r.random()
        if x < 0.2:
            return fam.replace("'", "")
        if x < 0.3:
            return fam.replace("'", " ")
        if x < 0.35:
            return fam.replace("'", "").capitalize()
    if fam.startswith("Mac") or fam.startswith("Mc"):
        if r.random() < 0.1:
            return fam.replace("Mac", "Mc", 1) if fam.startswith("Mac") else fam.replace("Mc", "Mac", 1)
    return fam


def format_address(r, a, style):
    first, (suffix, abbr) = a["street"]
    number = a["number"]
    street = f"{first} {abbr if (style != 'full' and r.random() < 0.6) or r.random() < 0.1 else suffix}"
    if a["flat"]:
        flat = a["flat"]
        x = r.random()
        if style == "loose" and x < 0.4:
            line = f"{flat}/{number} {street}"
        elif x < 0.25:
            line = f"Flat {flat} {number} {street}"
        elif x < 0.55:
            line = f"Flat {flat}, {number} {street}"
        else:
            line = f"Flat {flat}, {first} {a['building']}, {number} {street}"
    else:
        line = f"{number} {street}" if r.random() > 0.05 else f"{number}, {street}"
    town = a["town"]
    x = r.random()
    if style == "full" and x < 0.8:
        line = f"{line}, {town}"
    elif style == "short" and x < 0.4:
        line = f"{line}, {town}"
    elif style == "loose" and x < 0.2:
        line = f"{line} {town}"
    if r.random() < 0.05:
        line = line.upper()
    elif style == "loose" and r.random() < 0.3:
        line = line.lower()
    return line


def format_postcode(r, pc):
    x = r.random()
    if x < 0.06:
        return pc.replace(" ", "")
    if x < 0.1:
        return pc.lower()
    if x < 0.11:
        return pc.replace(" ", "  ")
    return pc


def format_phone(r, p):
    x = r.random()
    digits = p.replace(" ", "")
    if x < 0.45:
        return digits
    if x < 0.6:
        return "+44 " + digits[1:] if digits.startswith("07") else digits
    if x < 0.8 and digits.startswith("07"):
        return digits[:5] + " " + digits[5:]
    return p if " " in p else digits[:5] + " " + digits[5:8] + " " + digits[8:]


def school_form(r, school, habits):
    stem, kind = school
    x = r.random()
    if x < 0.25:
        return f"{stem} {SCHOOL_ABBR[kind]}"
    if x < 0.3:
        return stem
    if x < 0.33:
        return f"{stem} {kind}".upper()
    return f"{stem} {kind}"


def make_record(gen, sp, hh, child, source, tags):
    r = gen.r
    h = SOURCES[source]
    rec = {}
    # when the source took the record: admissions at age 10-11, school census at 15-16 (or now, if still at school)
    age_now = (datetime.date(2026, 3, 1) - child["dob"]).days / 365.25
    if source == "AD":
        taken = child["dob"] + datetime.timedelta(days=int(365.25 * 10.5))
    elif source == "SC":
        taken = child["dob"] + datetime.timedelta(days=int(365.25 * min(age_now, 15.5 + r.random() * 1.5)))
    else:  # taken within the source's span of years before now, and not before age 13
        taken = datetime.date(2026, 3, 1) - datetime.timedelta(days=int(365.25 * h["span"] * r.random()))
        taken = max(taken, child["dob"] + datetime.timedelta(days=int(365.25 * 13)))
    old_address = hh["old"] is not None and taken < hh["move_date"]
    if old_address:
        tags.append("old_address")
    # ---- names
    given = child["given"]
    x = r.random()
    middles = list(child["middles"])
    if child["known_as"] and x < h["nick"] * 1.6:
        given = child["known_as"]
        if given in middles:
            middles.remove(given)
            tags.append("known_as_middle")
        else:
            tags.append("nickname")
    elif x < h["nick"] * 0.5 and given in NICKS:
        given = r.choice(NICKS[given])
        tags.append("nickname")
    elif given in VARIANTS and r.random() < 0.06 + h["typo"] * 2:
        given = r.choice(VARIANTS[given])
        tags.append("variant")
    if "-" in given and r.random() < 0.3:
        given = given.replace("-", " " if r.random() < 0.5 else "")
    if given in ("Mohammed", "Muhammad", "Mohammad") and middles and r.random() < 0.35:
        given = middles.pop(0)  # the called name as the given name
        tags.append("dropped_mohammed")
    middle = " ".join(middles) if middles and r.random() < h["middle"] else ""
    if middle and r.random() < 0.1:
        middle = middle[0]
    fam = child["family"]
    if child["prev_family"] and (taken < datetime.date(2026, 3, 1) - datetime.timedelta(days=365 * 2) or r.random() < 0.2):
        if r.random() < 0.8:
            fam = child["prev_family"]
            tags.append("old_surname")
    fam = surname_form(r, fam, h, tags)
    if r.random() < h["typo"]:
        given = sp.typo(given)
        tags.append("typo_given")
    if r.random() < h["typo"]:
        fam = sp.typo(fam)
        tags.append("typo_family")
    if r.random() < h["ascii"]:
        given, middle, fam = given.translate(ASCII), middle.translate(ASCII), fam.translate(ASCII)
    if r.random() < h["swap"]:
        given, fam = fam, given
        tags.append("swap_names")
    if r.random() < h["caps"] * 0.5:
        fam = fam.upper()
    if source == "YS" and r.random() < 0.15:
        given, fam = given.lower(), fam.lower()
    if r.random() < 0.004:
        given = ""
        tags.append("given_missing")
    rec["given_name"], rec["middle_names"], rec["family_name"] = given, middle, fam
    # ---- date of birth
    dob = child["dob"]
    x = r.random()
    if x < h["dob_missing"]:
        rec["dob"] = ""
        tags.append("dob_missing")
    else:
        text = dob.isoformat()
        if r.random() < h["dob_err"]:
            y = r.random()
            if y < 0.35 and dob.day <= 12 and dob.day != dob.month:
                text = f"{dob.year:04d}-{dob.day:02d}-{dob.month:02d}"
                tags.append("dob_dm_swap")
            elif y < 0.8:
                for _ in range(20):  # a wrong digit, but a date entry would refuse an impossible or future one
                    t = text[:3] + sp.digit_typo(text[3:])
                    try:
                        if datetime.date(1995, 1, 1) <= datetime.date.fromisoformat(t) <= datetime.date(2012, 12, 31):
                            text = t
                            break
                    except ValueError:
                        continue
                tags.append("dob_digit")
            else:
                text = (dob + datetime.timedelta(days=r.choice([-1, 1, 365, -365]))).isoformat()
                tags.append("dob_off")
        rec["dob"] = text
    # ---- gender
    g = child["sex"]
    if r.random() < h["gender_missing"]:
        g = ""
    elif r.random() < 0.004:
        g = "F" if g == "M" else "M"
        tags.append("gender_wrong")
    rec["gender"] = g
    # ---- address and postcode
    a = hh["old"] if old_address else hh["home"]
    if r.random() < h["address"]:
        rec["address"] = format_address(r, a, h["address_style"])
        if r.random() < h["typo"] * 0.5:
            rec["address"] = sp.typo(rec["address"])
    else:
        rec["address"] = ""
    if r.random() < h["address"] * 0.97:
        pc = a["postcode"]
        if r.random() < h["typo"] * 0.4:
            pc = pc[:-1] + r.choice("ABDEFGHJLNPQRSTUWXYZ")
            tags.append("postcode_typo")
        rec["postcode"] = format_postcode(r, pc)
    else:
        rec["postcode"] = ""
    # ---- phone
    kind, keep = h["phone"]
    phone = ""
    if r.random() < keep:
        if kind == "own" or (kind == "either" and r.random() < 0.5):
            phone = child["mobile"] or hh["parent_mobile"]
        else:
            phone = hh["landline"] if hh["landline"] and r.random() < 0.6 else hh["parent_mobile"]
        if old_address and hh["old_phone"] and kind != "own" and r.random() < 0.5:
            phone = hh["old_phone"]
        if r.random() < h["typo"] * 0.5:
            phone = sp.digit_typo(phone)
        phone = format_phone(r, phone)
    rec["phone"] = phone
    # ---- identifiers
    upn = ""
    if child["upn"] and r.random() < h["upn"]:
        upn = child["upn"]
        y = r.random()
        if y < 0.004:
            sibs = [c for c in hh["children"] if c is not child and c["upn"]]
            if sibs:
                upn = r.choice(sibs)["upn"]
                tags.append("upn_sibling")
        elif y < 0.004 + h["typo"] * 0.3:
            upn = upn[0] + sp.digit_typo(upn[1:])
            tags.append("upn_typo")
        if r.random() < 0.02:
            upn = upn.lower()
    rec["upn"] = upn
    uln = ""
    if child["uln"] and age_now >= 16 and r.random() < h["uln"]:
        uln = child["uln"]
        if r.random() < h["typo"] * 0.3:
            uln = sp.digit_typo(uln)
            tags.append("uln_typo")
    rec["uln"] = uln
    rec["school"] = school_form(r, child["school"], h) if r.random() < h["school"] else ""
    if source == "FE" and rec["school"] and r.random() < 0.3:
        rec["school"] = ""
    return rec


COLUMNS = ["record_id", "given_name", "middle_names", "family_name", "dob", "gender", "postcode", "address", "phone",
           "upn", "uln", "school", "true_id"]


def generate(n_records, seed):
    gen = Generator(seed)
    sp = Spoiler(gen.r)
    r = gen.r
    rows, meta = [], []
    person = 0
    hid = 0
    while len(rows) < n_records:
        hid += 1
        hh = gen.household(hid)
        for child in hh["children"]:
            person += 1
            k = r.choices([1, 2, 3, 4], [0.64, 0.25, 0.08, 0.03])[0]
            used = set()
            sources = []
            for _ in range(k):
                for _ in range(8):
                    s = gen.pick((SOURCE_NAMES, SOURCE_CUM))
                    if s not in used or r.random() < 0.08:  # occasionally twice in one source
                        break
                used.add(s)
                sources.append(s)
            for s in sources:
                tags = []
                rec = make_record(gen, sp, hh, child, s, tags)
                rec["true_id"] = f"P{person:07d}"
                rows.append(rec)
                meta.append({"source": s, "household": hid, "twin": int(child["twin"]), "tags": " ".join(tags),
                             "sibling_count": len(hh["children"])})
    order = list(range(len(rows)))
    r.shuffle(order)
    order = order[:n_records]
    out_rows, out_meta = [], []
    for i, j in enumerate(order):
        rec, m = rows[j], meta[j]
        rid = f"{m['source']}{i + 1:07d}"
        rec["record_id"] = rid
        m["record_id"] = rid
        m["true_id"] = rec["true_id"]
        out_rows.append(rec)
        out_meta.append(m)
    return out_rows, out_meta


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--records", type=int, default=100000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--meta", help="also write each record's source, household, twin flag and spoilings here")
    a = p.parse_args()
    rows, meta = generate(a.records, a.seed)
    with open(a.out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    if a.meta:
        with open(a.meta, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["record_id", "true_id", "source", "household", "sibling_count", "twin", "tags"])
            w.writeheader()
            w.writerows(meta)
    people = len({row["true_id"] for row in rows})
    print(f"{len(rows)} records, {people} people, {len({m['household'] for m in meta})} households -> {a.out}")


if __name__ == "__main__":
    main()
