extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    /// The ISO 8601 calendar date, `YYYY-MM-DD`.
    public var description: String { iso8601 }

    /// The ISO 8601 calendar date, `YYYY-MM-DD`.
    public var iso8601: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses an ISO 8601 calendar date in its extended form, exactly `YYYY-MM-DD`; `nil` for
    /// any other text or a day that does not exist (2021-02-29).
    public init?(_ text: String) {
        self.init(iso8601: text)
    }

    /// Parses an ISO 8601 calendar date in its extended form, exactly `YYYY-MM-DD`; `nil` for
    /// any other text or a day that does not exist (2021-02-29).
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
