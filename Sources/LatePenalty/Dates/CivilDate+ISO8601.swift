extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    /// The ISO 8601 calendar date, `YYYY-MM-DD`.
    public var description: String { iso8601 }

    /// The ISO 8601 calendar date, `YYYY-MM-DD`.
    public var iso8601: String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            writeISO8601(into: bytes.baseAddress!)
            return 10
        }
    }

    /// Appends the ISO 8601 calendar date's ten bytes to `out`: every explained segment writes two.
    func writeISO8601(to out: OutputBytes) {
        out.reserve(10)
        writeISO8601(into: out.base + out.count)
        out.didAppend(10)
    }

    /// Writes `YYYY-MM-DD`, ten ASCII bytes, at `bytes`: two digits at a time.
    @inline(__always)
    private func writeISO8601(into bytes: UnsafeMutablePointer<UInt8>) {
        let (year, month, day) = components  // years 1–9999: always four digits
        let pairs = OutputBytes.digitPairs.utf8Start
        func put(_ value: Int, at index: Int) {
            let pair = value &* 2
            (bytes[index], bytes[index + 1]) = (pairs[pair], pairs[pair + 1])
        }
        put(year / 100, at: 0)
        put(year % 100, at: 2)
        bytes[4] = UInt8(ascii: "-")
        put(month, at: 5)
        bytes[7] = UInt8(ascii: "-")
        put(day, at: 8)
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
