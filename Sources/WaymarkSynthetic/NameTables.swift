import WaymarkCore

/// Given names and family names by heritage, for a population that looks like
/// an English shire town with a diverse centre. Weights are rough frequencies.
enum NameTables {
    struct Heritage: Sendable {
        let ethnicities: [(Ethnicity, Int)]
        let female: [String]
        let male: [String]
        let family: [String]
        let weight: Int
    }

    static let heritages: [Heritage] = [
        Heritage(
            ethnicities: [(.whiteBritish, 95), (.whiteOther, 3), (.notObtained, 1), (.refused, 1)],
            female: ["Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Ella", "Mia", "Poppy", "Evie", "Chloe", "Jessica",
                     "Holly", "Megan", "Lucy", "Charlotte", "Ellie", "Freya", "Katie", "Hannah", "Zoë", "Mary-Jane", "Anne-Marie", "Eleanor",
                     "Elizabeth", "Katherine", "Alexandra", "Abigail"],
            male: ["Oliver", "Harry", "Jack", "George", "Charlie", "Thomas", "James", "William", "Joshua", "Alfie", "Jacob", "Daniel", "Samuel",
                   "Joseph", "Ethan", "Lewis", "Ryan", "Callum", "Kieran", "Connor", "Liam", "Jayden", "Tyler", "Max", "Robert", "Jonathan",
                   "Alexander", "Matthew", "Benjamin", "Reece"],
            family: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
                     "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris", "Lewis", "Clark", "Turner", "Hill",
                     "Cooper", "Ward", "Morris", "Moore", "King", "Baker", "Parker", "Mitchell", "Bennett-Clarke", "Smith-Jones", "Ashworth",
                     "Pemberton", "Hargreaves", "Whitfield", "Marsh"],
            weight: 780),
        Heritage(
            ethnicities: [(.whiteIrish, 70), (.whiteBritish, 30)],
            female: ["Siobhan", "Aoife", "Niamh", "Ciara", "Orla", "Róisín"], male: ["Ciaran", "Sean", "Cian", "Declan", "Padraig", "Eoin"],
            family: ["O'Brien", "Murphy", "Kelly", "O'Connor", "Byrne", "Doyle", "McCarthy", "Gallagher"], weight: 20),
        Heritage(
            ethnicities: [(.whiteOther, 100)],
            female: ["Zofia", "Julia", "Maja", "Natalia", "Wiktoria", "Oliwia", "Ana", "Ioana"],
            male: ["Kacper", "Jakub", "Szymon", "Filip", "Mateusz", "Aleksander", "Andrei", "Luka"],
            family: ["Nowak", "Kowalski", "Kowalska", "Wiśniewski", "Wójcik", "Kamiński", "Popescu", "Horvat"], weight: 45),
        Heritage(
            ethnicities: [(.pakistani, 60), (.bangladeshi, 25), (.asianOther, 15)],
            female: ["Aisha", "Ayesha", "Zainab", "Maryam", "Fatima", "Hafsa", "Amira", "Iqra", "Safa", "Noor"],
            male: ["Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Ali", "Hamza", "Bilal", "Zain", "Ayaan", "Abdullah"],
            family: ["Khan", "Ahmed", "Hussain", "Ali", "Akhtar", "Rahman", "Begum", "Iqbal", "Mahmood", "Shah", "Chowdhury", "Miah"],
            weight: 45),
        Heritage(
            ethnicities: [(.indian, 90), (.asianOther, 10)],
            female: ["Priya", "Ananya", "Simran", "Harpreet", "Aanya", "Diya"], male: ["Arjun", "Rohan", "Harjeet", "Dev", "Aarav", "Rahul"],
            family: ["Patel", "Singh", "Kaur", "Sharma", "Gill", "Shah", "Mistry"], weight: 30),
        Heritage(
            ethnicities: [(.blackAfrican, 80), (.blackBritish, 10), (.blackOther, 10)],
            female: ["Chidera", "Amara", "Oluwaseun", "Adaeze", "Blessing", "Fatuma", "Hodan", "Ifeoma"],
            male: ["Oluwaseun", "Chinedu", "Tobi", "David", "Emmanuel", "Abdi", "Kwame", "Samuel"],
            family: ["Okafor", "Adeyemi", "Oyelaran", "Mensah", "Mohamed", "Abdi", "Warsame", "Okonkwo", "Boateng"], weight: 30),
        Heritage(
            ethnicities: [(.blackCaribbean, 60), (.mixedWhiteBlackCaribbean, 40)],
            female: ["Tia", "Shanice", "Jada", "Kezia", "Imani"], male: ["Tyrone", "Jayden", "Marcus", "Andre", "Kai"],
            family: ["Campbell", "Brown", "Francis", "Grant", "Thomas", "Reid"], weight: 20),
        Heritage(
            ethnicities: [(.chinese, 100)],
            female: ["Mei", "Wei", "Xin", "Jia"], male: ["Wei", "Jun", "Hao", "Ming"],
            family: ["Chen", "Wong", "Li", "Zhang", "Liu"], weight: 10),
        Heritage(
            ethnicities: [(.arab, 50), (.anyOther, 50)],
            female: ["Aleyna", "Leila", "Yasmin", "Elif"], male: ["Omar", "Emre", "Karim", "Yousef"],
            family: ["Yılmaz", "Demir", "Haddad", "Nasser", "Kaya"], weight: 10),
        Heritage(
            ethnicities: [(.gypsyRoma, 100)],
            female: ["Shannon", "Kathleen", "Mary"], male: ["John", "Patrick", "Levi"],
            family: ["Lee", "Price", "Boswell", "Smith"], weight: 10),
    ]

    static let weightedHeritages: [(Int, Int)] = heritages.indices.map { ($0, heritages[$0].weight) }

    /// Formal names and the forms people actually use (for preferred names and variants).
    static let nicknames: [String: [String]] = [
        "William": ["Will", "Bill", "Billy", "Liam"], "Alexandra": ["Alex", "Sasha", "Lexi"], "Elizabeth": ["Liz", "Beth", "Lizzie"],
        "Katherine": ["Kate", "Katie", "Kat"], "Robert": ["Rob", "Bob", "Bobby"], "James": ["Jim", "Jamie"], "Jonathan": ["Jon", "Jonny"],
        "Thomas": ["Tom", "Tommy"], "Daniel": ["Dan", "Danny"], "Joseph": ["Joe", "Joey"], "Samuel": ["Sam"], "Matthew": ["Matt"],
        "Benjamin": ["Ben"], "Alexander": ["Alex", "Sasha"], "Charlotte": ["Charlie", "Lottie"], "Eleanor": ["Ellie", "Nell"],
        "Abigail": ["Abi", "Abby"], "Jessica": ["Jess"], "Muhammad": ["Mo"], "Mohammed": ["Mo"], "Oluwaseun": ["Seun"],
        "Chidera": ["Dera"], "Aleksander": ["Olek"], "Ibrahim": ["Ibby"], "Zainab": ["Zee"],
    ]

    /// Spellings of the same name that transliteration produces.
    static let transliterations: [[String]] = [
        ["Muhammad", "Mohammed", "Mohamed", "Mohammad"], ["Aisha", "Ayesha", "Aysha"], ["Yusuf", "Yousef", "Youssef"],
        ["Zainab", "Zaynab"], ["Hussain", "Hussein", "Husain"], ["Sofia", "Sophia"], ["Ahmed", "Ahmad"], ["Chowdhury", "Choudhury"],
    ]
}
