/// The level of every field for one pair, four bits a field, so a pair is one
/// word and the EM step can work on counts of distinct vectors.
public struct ComparisonVector: Hashable, Sendable {
    public var bits: UInt64

    public init(bits: UInt64 = 0) { self.bits = bits }

    @inline(__always) public func level(_ field: LinkageField) -> UInt8 { level(at: field.rawValue) }

    @inline(__always) func level(at index: Int) -> UInt8 { UInt8(truncatingIfNeeded: bits >> UInt64(index * 4)) & 0xF }

    @inline(__always) mutating func set(_ field: LinkageField, _ level: UInt8) {
        bits |= UInt64(level & 0xF) << UInt64(field.rawValue * 4)
    }
}
