extension CivilDate {
    /// Parses an ISO `YYYY-MM-DD` date from an input field, with an error that names the field
    /// and says what is wrong: the wrong shape, or a day the calendar does not have.
    public static func parse(_ text: some StringProtocol, field: String) throws(InputError) -> CivilDate {
        if let date = CivilDate(iso8601: text) { return date }
        let bytes = Array(text.utf8)
        let shaped = bytes.count == 10 && bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
        guard shaped, let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else {
            throw InputError(field: field, reason: text.isEmpty
                ? "is empty; give a date as YYYY-MM-DD, e.g. 2022-03-25"
                : "'\(text)' is not a date in the form YYYY-MM-DD (e.g. 2022-03-25)")
        }
        guard (1...12).contains(month) else { throw InputError(field: field, reason: "'\(text)' has no month \(month)") }
        guard CivilDate.supportedYears.contains(year) else { throw InputError(field: field, reason: "'\(text)': year \(year) is outside 1–9999") }
        let last = daysInMonth(year: year, month: month)
        let leapNote = month == 2 && day == 29 && !isLeapYear(year) ? " (\(year) is not a leap year)" : ""
        throw InputError(field: field, reason: "'\(text)' does not exist: \(year)-\(month < 10 ? "0" : "")\(month) has \(last) days\(leapNote)")
    }
}

extension ExcludedDays {
    /// Parses excluded days written as `;`-separated ISO dates and `FROM..TO` ranges (both ends
    /// included): `2022-04-10..2022-04-12;2022-04-20`. Empty text is no excluded day. A range
    /// whose end precedes its start is an error, never silently swapped.
    public static func parse(_ text: some StringProtocol, field: String = "excluded") throws(InputError) -> ExcludedDays {
        var windows: [DateWindow] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            if let dots = part.firstRange(of: "..") {
                let from = try CivilDate.parse(part[..<dots.lowerBound], field: field)
                let to = try CivilDate.parse(part[dots.upperBound...], field: field)
                guard from <= to else {
                    throw InputError(field: field, reason: "range '\(part)' ends before it starts; write FROM..TO with FROM on or before TO")
                }
                windows.append(DateWindow(first: from, last: to))
            } else {
                let date = try CivilDate.parse(part, field: field)
                windows.append(DateWindow(first: date, last: date))
            }
        }
        return ExcludedDays(windows)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
