/// The DfE check letter that begins every UPN: characters 2–13 weighted by
/// their position (2…13), summed, modulo 23, read from the UPN alphabet.
public enum UPNCheckLetter {
    public static let alphabet: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// The letter for the twelve characters after it; nil when one is neither a digit nor in the alphabet.
    public static func letter<Rest: Collection>(for rest: Rest) -> Character? where Rest.Element == Character {
        var sum = 0
        for (offset, character) in rest.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if let index = alphabet.firstIndex(of: character) {
                value = index
            } else {
                return nil
            }
            sum += value * (offset + 2)
        }
        return alphabet[sum % 23]
    }
}
