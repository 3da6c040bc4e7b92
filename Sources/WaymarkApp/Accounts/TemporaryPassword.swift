import Foundation

/// A temporary password an administrator can read out or type: 16 letters
/// and digits without the look-alikes (0/O, 1/l/I), about 80 bits.
enum TemporaryPassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        // Groups of four are easier to read out over the phone.
        return stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
