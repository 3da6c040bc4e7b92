/// Common English given-name diminutives and spelling variants, so Bill finds
/// William and Sasha finds Alexandra or Alexander. A diminutive shared by
/// several names (Alex, Sam, Charlie, Harry…) stands for all of them.
/// Tokens are normalised (see ``NameNormaliser``).
public enum Nicknames {
    /// The token itself, then every full name it may be short for or a spelling of.
    public static func forms(of token: String) -> [String] {
        guard let names = table[token] else { return [token] }
        return [token] + names.filter { $0 != token }
    }

    /// Whether two given names may be the same name: equal, or sharing a full form.
    public static func related(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        guard let a = table[left], let b = table[right] else { return false }
        return a.contains { b.contains($0) }
    }

    /// The short forms and other spellings of a full name ("william" → bill, billy, will…).
    public static func diminutives(of name: String) -> [String] {
        groups.first { $0.0 == name }?.1 ?? []
    }

    /// Full name → its diminutives and other spellings.
    static let groups: [(String, [String])] = [
        ("william", ["bill", "billy", "will", "willy", "liam", "wills", "willie"]),
        ("robert", ["bob", "bobby", "rob", "robbie", "robby", "bert", "bertie"]),
        ("richard", ["rich", "richie", "rick", "ricky", "dick", "ritchie"]),
        ("edward", ["ed", "eddie", "eddy", "ted", "teddy", "ned"]),
        ("james", ["jim", "jimmy", "jamie", "jimi", "jamey"]),
        ("john", ["jon", "johnny", "jonny", "jack", "johnnie", "jonnie", "ian"]),
        ("jonathan", ["jon", "jonny", "jonty", "johnathan", "jonathon", "johnny"]),
        ("jack", ["jackie", "jak"]),
        ("michael", ["mike", "mikey", "mick", "micky", "mickey", "michal", "mikhail"]),
        ("thomas", ["tom", "tommy", "thom", "tomas"]),
        ("joseph", ["joe", "joey", "jos", "josef"]),
        ("daniel", ["dan", "danny", "dani"]),
        ("matthew", ["matt", "matty", "mat", "mathew"]),
        ("christopher", ["chris", "kit", "topher", "kristopher"]),
        ("nicholas", ["nick", "nicky", "nico", "nicolas", "nikolas"]),
        ("anthony", ["tony", "ant", "antony", "anton"]),
        ("benjamin", ["ben", "benji", "benny", "benjy"]),
        ("samuel", ["sam", "sammy"]),
        ("alexander", ["alex", "alec", "alexandr", "sacha", "sasha", "xander", "sandy", "lex", "aleksander", "alastair", "alistair"]),
        ("alexandra", ["alex", "sasha", "sacha", "alexa", "lexi", "lexie", "sandra", "sandy", "alix", "aleksandra"]),
        ("aleksander", ["aleks", "olek", "alek", "alexander"]),
        ("charles", ["charlie", "chas", "chuck", "charley"]),
        ("charlotte", ["lottie", "charlie", "lotte", "lotty", "charley"]),
        ("elizabeth", ["liz", "lizzie", "lizzy", "beth", "betty", "eliza", "libby", "bess", "bessie", "elisabeth", "lisa", "elspeth", "betsy"]),
        ("katherine", ["kate", "katie", "kathy", "kat", "catherine", "kathryn", "cathy", "katy", "kitty", "caitlin", "kathleen", "cate", "katharine", "kath"]),
        ("margaret", ["maggie", "meg", "peggy", "marge", "margo", "greta", "maisie"]),
        ("rebecca", ["becky", "becca", "bex", "rebekah"]),
        ("jennifer", ["jen", "jenny", "jenna", "jenni"]),
        ("victoria", ["vicky", "vicki", "tori", "vic", "vikki"]),
        ("abigail", ["abby", "abbie", "abi", "gail", "abbey"]),
        ("natasha", ["tasha", "tash", "nat"]),
        ("natalie", ["nat", "nattie", "natalia"]),
        ("jessica", ["jess", "jessie", "jessy"]),
        ("samantha", ["sam", "sammie", "sammy"]),
        ("eleanor", ["ellie", "nell", "nellie", "elly", "elinor", "nora", "leonora", "elenor"]),
        ("ellen", ["ellie", "nell", "nellie", "elly"]),
        ("isabella", ["bella", "izzy", "isabel", "isobel", "issy", "izzie", "isabelle", "belle"]),
        ("olivia", ["liv", "livvy", "ollie", "livia"]),
        ("oliver", ["olly", "ollie", "oli"]),
        ("frederick", ["fred", "freddie", "freddy", "frederic"]),
        ("alfred", ["alfie", "alf", "fred", "freddie"]),
        ("harold", ["harry", "hal"]),
        ("henry", ["harry", "hank", "hal", "hendrik"]),
        ("harrison", ["harry"]),
        ("patrick", ["pat", "paddy", "padraig"]),
        ("patricia", ["pat", "patsy", "trish", "tricia", "patty"]),
        ("stephen", ["steve", "stevie", "steven", "stephan", "stefan"]),
        ("timothy", ["tim", "timmy"]),
        ("zachary", ["zach", "zack", "zak", "zac", "zachariah"]),
        ("joshua", ["josh"]),
        ("nathaniel", ["nathan", "nate", "nat"]),
        ("nathan", ["nate", "nat"]),
        ("gabriel", ["gabe", "gabi"]),
        ("gabriella", ["gabby", "gabi"]),
        ("theodore", ["theo", "teddy", "ted"]),
        ("mohammed", ["mohammad", "muhammad", "muhammed", "mohamed", "mohamad", "mohammod", "muhammet", "mo", "moe", "mohd", "mhd", "mahomed"]),
        ("ahmed", ["ahmad", "ahmet"]),
        ("aisha", ["ayesha", "aysha", "aishah", "ayisha"]),
        ("yusuf", ["yousef", "youssef", "yousuf", "yosef", "joseph"]),
        ("zainab", ["zaynab", "zee", "zeinab"]),
        ("ibrahim", ["ibby", "ebrahim", "abraham"]),
        ("hussain", ["hussein", "husain", "husein"]),
        ("sophie", ["sophia", "soph", "sofia", "sofie"]),
        ("amelia", ["millie", "amy", "mia", "emilia", "amalia"]),
        ("emily", ["em", "emmy", "millie", "emilie", "emmie"]),
        ("emma", ["em", "emmy", "emmie"]),
        ("jacqueline", ["jackie", "jacqui", "jacky"]),
        ("josephine", ["jo", "josie", "jose", "jojo"]),
        ("joanne", ["jo", "joanna", "jojo", "joann"]),
        ("susan", ["sue", "susie", "suzy", "suzanne", "susanne"]),
        ("deborah", ["debbie", "deb", "debra", "debby"]),
        ("andrew", ["andy", "drew", "andrzej", "andrei"]),
        ("gregory", ["greg", "gregor"]),
        ("kenneth", ["ken", "kenny"]),
        ("lawrence", ["larry", "laurie", "laurence", "lawrie"]),
        ("leonard", ["leo", "len", "lenny", "leon"]),
        ("raymond", ["ray"]),
        ("ronald", ["ron", "ronnie"]),
        ("donald", ["don", "donnie"]),
        ("douglas", ["doug", "dougie"]),
        ("callum", ["cal", "calum", "kallum"]),
        ("cameron", ["cam"]),
        ("jayden", ["jaden", "jaiden", "jadon", "jaydon"]),
        ("aiden", ["aidan", "ayden", "aidyn"]),
        ("kieran", ["ciaran", "kieron", "keiran", "kieren"]),
        ("connor", ["conor", "conner"]),
        ("sean", ["shaun", "shawn", "shane"]),
        ("reece", ["rhys", "reese", "rees"]),
        ("lewis", ["louis", "lou"]),
        ("stephanie", ["steph", "stef", "steff"]),
        ("danielle", ["dani", "danni"]),
        ("georgina", ["georgie", "gina"]),
        ("george", ["georgie", "geordie", "jorge"]),
        ("louise", ["lou", "lulu", "louisa"]),
        ("alice", ["ally", "allie", "ali", "alys"]),
        ("alison", ["ali", "ally", "allie", "allison"]),
        ("grace", ["gracie"]),
        ("evelyn", ["evie", "eve", "evelyne"]),
        ("eva", ["evie", "eve", "ava"]),
        ("harriet", ["hattie", "hatty", "harri"]),
        ("imogen", ["immy", "imi", "imogene"]),
        ("florence", ["flo", "florrie", "flossie"]),
        ("matilda", ["tilly", "tilda", "mattie"]),
        ("penelope", ["penny", "poppy"]),
        ("philip", ["phil", "pip", "filip", "phillip"]),
        ("peter", ["pete", "piotr", "pietro"]),
        ("jacob", ["jake", "jakub", "jakob", "kuba"]),
        ("archibald", ["archie", "archy"]),
        ("arthur", ["art", "artie"]),
        ("maximilian", ["max", "maxi"]),
        ("maxwell", ["max"]),
        ("dominic", ["dom", "dominik"]),
        ("sebastian", ["seb", "sebby", "bastian"]),
        ("francesca", ["fran", "frankie", "chessie"]),
        ("francis", ["frank", "frankie", "fran"]),
        ("mary", ["molly", "polly", "mae", "maria", "marie", "maryam", "miriam"]),
        ("anne", ["ann", "annie", "anna", "nancy", "anya"]),
        ("siobhan", ["shivaun", "chevonne"]),
        ("niamh", ["neve", "neave"]),
        ("aoife", ["eefa", "ifa"]),
        ("oluwaseun", ["seun"]),
        ("chidera", ["dera"]),
    ]

    /// Every name → the full names it may stand for (a full name stands for itself).
    static let table: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (name, variants) in groups {
            for variant in [name] + variants where !(table[variant]?.contains(name) ?? false) {
                table[variant, default: []].append(name)
            }
        }
        return table
    }()
}
