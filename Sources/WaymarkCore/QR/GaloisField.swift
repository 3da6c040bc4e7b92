/// Arithmetic in GF(2⁸) with QR's reducing polynomial x⁸+x⁴+x³+x²+1 (0x11D),
/// the field Reed–Solomon works in.
enum GaloisField {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        // Russian-peasant multiplication, reducing as it goes: no tables to get wrong.
        var product = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            product ^= ((Int(y) >> bit) & 1) * Int(x)
        }
        return UInt8(product)
    }
}
