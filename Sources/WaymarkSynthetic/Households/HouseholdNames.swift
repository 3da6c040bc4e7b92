import Foundation

/// Name pools for the household generator, wider than the LA generator's and
/// drawn with Zipf-like weights, so common names are common (many unrelated
/// Smiths, Olivers and Mohammeds) and the long tail is long. Family names
/// are partly built from English place-name parts, as many real ones are.
enum HouseholdNames {
    static let female: [String] = [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Willow", "Florence",
        "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper",
        "Matilda", "Ruby", "Emilia", "Maya", "Millie", "Isabelle", "Eva", "Luna", "Jessica", "Aria", "Chloe", "Lucy", "Holly", "Megan",
        "Hannah", "Katie", "Ellie", "Eleanor", "Elizabeth", "Katherine", "Alexandra", "Abigail", "Rebecca", "Victoria", "Natalie",
        "Samantha", "Jennifer", "Margaret", "Caitlin", "Bethany", "Lauren", "Amber", "Leah", "Niamh", "Aoife", "Orla", "Zofia", "Maja",
        "Natalia", "Wiktoria", "Oliwia", "Aisha", "Ayesha", "Zainab", "Maryam", "Fatima", "Hafsa", "Amira", "Iqra", "Noor", "Priya",
        "Ananya", "Simran", "Harpreet", "Diya", "Chidera", "Amara", "Adaeze", "Blessing", "Ifeoma", "Tia", "Shanice", "Jada", "Imani",
        "Mei", "Leila", "Yasmin", "Elif", "Shannon", "Kathleen", "Mary", "Anne-Marie", "Mary-Jane", "Zoe", "Esme", "Thea", "Nancy", "Violet",
        "Beatrice", "Harriet", "Imogen", "Lola", "Maisie", "Ruth", "Tilly", "Erin", "Paige", "Courtney", "Kayleigh", "Demi", "Jasmine",
    ]

    static let male: [String] = [
        "Muhammad", "Noah", "Oliver", "George", "Leo", "Arthur", "Oscar", "Harry", "Theodore", "Jack", "Charlie", "Freddie", "Henry",
        "Alfie", "Archie", "Thomas", "William", "James", "Joshua", "Jacob", "Daniel", "Samuel", "Joseph", "Ethan", "Lewis", "Ryan",
        "Callum", "Kieran", "Connor", "Liam", "Jayden", "Tyler", "Max", "Robert", "Jonathan", "Alexander", "Matthew", "Benjamin", "Reece",
        "Edward", "Richard", "Michael", "Christopher", "Nicholas", "Anthony", "Luke", "Adam", "Nathan", "Dylan", "Harrison", "Finley",
        "Mason", "Logan", "Riley", "Jake", "Toby", "Louis", "Sebastian", "Isaac", "Elliot", "Ciaran", "Sean", "Declan", "Eoin", "Kacper",
        "Jakub", "Szymon", "Filip", "Mateusz", "Aleksander", "Andrei", "Luka", "Mohammed", "Ibrahim", "Yusuf", "Ali", "Hamza", "Bilal",
        "Zain", "Ayaan", "Abdullah", "Arjun", "Rohan", "Harjeet", "Dev", "Aarav", "Rahul", "Chinedu", "Tobi", "David", "Emmanuel", "Abdi",
        "Kwame", "Tyrone", "Marcus", "Andre", "Kai", "Wei", "Jun", "Hao", "Omar", "Emre", "Karim", "John", "Patrick", "Levi", "Stanley",
        "Albert", "Frankie", "Reuben", "Jenson", "Bobby", "Ronnie", "Teddy", "Zachary", "Caleb", "Aaron", "Owen", "Rhys", "Jamie",
    ]

    /// Real surnames, commonest first.
    static let family: [String] = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson",
        "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
        "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly",
        "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall",
        "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray",
        "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd",
        "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Graham", "Pearson", "Ahmed",
        "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart", "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford",
        "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball", "Burton",
        "O'Brien", "Watts", "Rose", "Booth", "Perry", "Ryan", "Grant", "Wells", "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson",
        "Newman", "Barrett", "Webster", "Hunter", "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons",
        "Nowak", "Kowalski", "Kowalska", "Wiśniewski", "Wójcik", "Kamiński", "Popescu", "Horvat", "Rahman", "Akhtar", "Iqbal", "Mahmood",
        "Shah", "Chowdhury", "Miah", "Sharma", "Mistry", "Okafor", "Adeyemi", "Mensah", "Mohamed", "Abdi", "Okonkwo", "Boateng", "Chen",
        "Wong", "Zhang", "Yılmaz", "Haddad", "Nasser", "Kaya", "McCarthy", "Gallagher", "Doyle", "Byrne", "O'Connor", "Boswell", "MacDonald",
    ]

    static let placeStarts = [
        "Ash", "Black", "Brad", "Broad", "Brook", "Cald", "Castle", "Chad", "Clay", "Crom", "Dal", "Dun", "East", "Elm", "Fair", "Farn",
        "Fen", "Glen", "Hal", "Hart", "Haw", "Hay", "Heath", "Holl", "Kel", "Kings", "Lang", "Lind", "Long", "Marl", "Mill", "Moss",
        "New", "North", "Oak", "Pen", "Ram", "Red", "Rock", "Rush", "Shel", "South", "Stan", "Thorn", "Up", "Wake", "Wal", "West", "Whit",
        "Wind",
    ]
    static let placeEnds = [
        "ley", "worth", "ton", "field", "by", "ford", "ham", "well", "wood", "bury", "stone", "hurst", "combe", "dale", "more", "wick",
        "ridge", "brook", "low", "thorpe", "shaw", "cliffe", "den", "land", "borough",
    ]

    /// Surnames built from place parts: a long tail of rarer names.
    static let builtFamily: [String] = placeStarts.flatMap { start in placeEnds.map { start + $0 } }

    /// The forms people use day to day. Deliberately not the matching
    /// engine's own table: some of these it does not know.
    static let diminutives: [String: [String]] = [
        "William": ["Will", "Billy", "Liam"], "James": ["Jamie", "Jim"], "Thomas": ["Tom", "Tommy"], "Daniel": ["Dan", "Danny"],
        "Joseph": ["Joe", "Joey"], "Samuel": ["Sam", "Sammy"], "Matthew": ["Matt"], "Benjamin": ["Ben", "Benji"], "Alexander": ["Alex", "Xander"],
        "Jonathan": ["Jon", "Jonny"], "Robert": ["Rob", "Robbie", "Bobby"], "Edward": ["Ed", "Eddie", "Ted"], "Richard": ["Rich", "Ricky"],
        "Michael": ["Mike", "Mikey"], "Christopher": ["Chris", "Kit"], "Nicholas": ["Nick", "Nico"], "Anthony": ["Tony", "Ant"],
        "Theodore": ["Theo", "Teddy"], "Frederick": ["Freddie", "Fred"], "Harrison": ["Harry"], "Sebastian": ["Seb", "Bash"],
        "Zachary": ["Zach", "Zac"], "Archibald": ["Archie"], "Mohammed": ["Mo"], "Muhammad": ["Mo", "Mohammed"], "Ibrahim": ["Ibby"],
        "Aleksander": ["Olek"], "Jakub": ["Kuba"], "Charlotte": ["Lottie", "Charlie"], "Elizabeth": ["Beth", "Lizzie", "Eliza"],
        "Katherine": ["Kate", "Katie", "Kat"], "Alexandra": ["Alex", "Lexi", "Sasha"], "Abigail": ["Abi", "Abby"], "Eleanor": ["Ellie", "Nell"],
        "Rebecca": ["Becky", "Becca"], "Victoria": ["Vicky", "Tori"], "Natalie": ["Nat"], "Samantha": ["Sam", "Sammie"],
        "Jennifer": ["Jen", "Jenny"], "Margaret": ["Maggie", "Meg"], "Jessica": ["Jess"], "Isabella": ["Bella", "Izzy"],
        "Isabelle": ["Izzy", "Belle"], "Florence": ["Flo", "Florrie"], "Matilda": ["Tilly", "Tilda"], "Evelyn": ["Evie"],
        "Amelia": ["Millie", "Mel"], "Sophia": ["Sophie"], "Emilia": ["Emmy"], "Harriet": ["Hattie"], "Imogen": ["Immy"],
        "Oluwaseun": ["Seun"], "Chidera": ["Dera"], "Zainab": ["Zee"], "Natalia": ["Nata"], "Wiktoria": ["Wiki"], "Beatrice": ["Bea"],
        "Nathan": ["Nate"], "Joshua": ["Josh"], "Frankie": ["Frank"], "Stanley": ["Stan"], "Albert": ["Alfie", "Bert"],
    ]

    /// Cumulative Zipf weights (exponent `s`) for picking index k of n.
    static func zipf(_ n: Int, exponent s: Double) -> [Double] {
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(n)
        for k in 0..<n {
            total += 1 / pow(Double(k + 1), s)
            cumulative.append(total)
        }
        return cumulative.map { $0 / total }
    }

    static let femaleWeights = zipf(female.count, exponent: 0.8)
    static let maleWeights = zipf(male.count, exponent: 0.8)
    /// Real names first, then the built tail.
    static let allFamily: [String] = family + builtFamily
    static let familyWeights = zipf(allFamily.count, exponent: 0.9)
}

extension SeededGenerator {
    /// Index drawn from cumulative weights.
    mutating func index(cumulative: [Double]) -> Int {
        let roll = Double.random(in: 0..<1, using: &self)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < roll { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
