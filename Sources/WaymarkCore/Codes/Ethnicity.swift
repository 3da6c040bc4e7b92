/// Ethnicity (YP27), as DfE's four-letter codes.
public enum Ethnicity: String, NationalCode {
    case whiteBritish = "WBRI"
    case whiteIrish = "WIRI"
    case gypsyRoma = "WROM"
    case whiteOther = "WOTH"
    case mixedWhiteBlackCaribbean = "MWBC"
    case mixedWhiteBlackAfrican = "MWBA"
    case mixedWhiteAsian = "MWAS"
    case mixedOther = "MOTH"
    case indian = "AIND"
    case pakistani = "APKN"
    case bangladeshi = "ABAN"
    case asianOther = "AOTH"
    case blackCaribbean = "BCRB"
    case blackAfrican = "BAFR"
    case blackOther = "BOTH"
    case blackBritish = "BBRI"
    case chinese = "CHNE"
    case arab = "OARA"
    case anyOther = "OOTH"
    case refused = "REFU"
    case notObtained = "NOBT"

    public static let fieldName = "Ethnicity"

    public var meaning: String {
        switch self {
        case .whiteBritish: "White – British"
        case .whiteIrish: "White – Irish"
        case .gypsyRoma: "White – Gypsy/Roma"
        case .whiteOther: "White – any other background"
        case .mixedWhiteBlackCaribbean: "Mixed – White and Black Caribbean"
        case .mixedWhiteBlackAfrican: "Mixed – White and Black African"
        case .mixedWhiteAsian: "Mixed – White and Asian"
        case .mixedOther: "Mixed – any other background"
        case .indian: "Asian – Indian"
        case .pakistani: "Asian – Pakistani"
        case .bangladeshi: "Asian – Bangladeshi"
        case .asianOther: "Asian – any other background"
        case .blackCaribbean: "Black – Caribbean"
        case .blackAfrican: "Black – African"
        case .blackOther: "Black – any other background"
        case .blackBritish: "Black – British"
        case .chinese: "Chinese"
        case .arab: "Arab"
        case .anyOther: "Any other ethnic group"
        case .refused: "Refused"
        case .notObtained: "Information not yet obtained"
        }
    }

    /// The broad group used in published breakdowns.
    public var broadGroup: String {
        switch self {
        case .whiteBritish, .whiteIrish, .gypsyRoma, .whiteOther: "White"
        case .mixedWhiteBlackCaribbean, .mixedWhiteBlackAfrican, .mixedWhiteAsian, .mixedOther: "Mixed"
        case .indian, .pakistani, .bangladeshi, .asianOther: "Asian"
        case .blackCaribbean, .blackAfrican, .blackOther, .blackBritish: "Black"
        case .chinese: "Chinese"
        case .arab, .anyOther: "Other"
        case .refused, .notObtained: "Unknown"
        }
    }
}
