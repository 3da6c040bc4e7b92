/// The school, college or provider a row names. Any part may be missing:
/// schools give a DfE number (LA code + 4 digits), colleges and providers a
/// UKPRN, and most a name.
public struct ImportEstablishment: Hashable, Sendable {
    /// UK provider reference number: 8 digits starting with 1.
    public var ukprn: String?
    /// DfE establishment number: 7 digits, the LA code then the establishment.
    public var number: String?
    public var name: String?

    public init(ukprn: String? = nil, number: String? = nil, name: String? = nil) {
        self.ukprn = ukprn
        self.number = number
        self.name = name
    }

    public var isEmpty: Bool { ukprn == nil && number == nil && name == nil }
}
