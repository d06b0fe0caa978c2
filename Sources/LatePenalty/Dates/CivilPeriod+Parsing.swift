extension CivilPeriod {
    /// Reads a period as a clerk writes it: a whole number and a unit, `1y`, `12m`, `30d`, `2w`
    /// (also `1 year`, `12 months`, `1年`, `12か月`, `12ヶ月`, `30日`, `2週間`), with full-width
    /// digits accepted. At most six digits, so the count is always a small number.
    public static func parse(_ given: some StringProtocol, field: String) throws(InputError) -> CivilPeriod {
        let text = String(given.trimmingSpaces).lowercased()
        var digits = "", rest = Substring(text)
        // ASCII or full-width digits only: a kanji numeral such as 十二 is not read digit by digit.
        while let scalar = rest.unicodeScalars.first, rest.first?.unicodeScalars.count == 1,
            (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
        {
            digits.append(String(scalar.value >= 0xFF10 ? scalar.value - 0xFF10 : scalar.value - 0x30))
            rest = rest.dropFirst()
        }
        let unit = rest.trimmingCharacters(in: " ")
        guard !digits.isEmpty, digits.count <= 6, let count = Int(digits) else {
            throw InputError(field: field, reason: "'\(given.prefix(40))' is not a period; write a whole number and a unit: 1y, 12m, 30d, 2w (1年, 12か月, 30日)")
        }
        switch unit {
        case "d", "day", "days", "日": return .days(count)
        case "w", "week", "weeks", "週", "週間": return .weeks(count)
        case "m", "month", "months", "か月", "ヶ月", "カ月", "ケ月", "箇月", "月": return .months(count)
        case "y", "year", "years", "年": return .years(count)
        default:
            throw InputError(field: field, reason: "'\(given.prefix(40))' has no unit this reads; write 1y, 12m, 30d or 2w (1年, 12か月, 30日, 2週間)")
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
