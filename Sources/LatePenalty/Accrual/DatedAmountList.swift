/// The `DATE:AMOUNT;DATE:AMOUNT…` lists of a row (`payments`, `decreases`): one reader, so that
/// both accept the same dates, amounts, spaces and separators.
enum DatedAmountList {
    /// Parses `text`; empty text is an empty list. Each amount must be positive: `zero` words
    /// the error for an item of ¥0.
    static func parse(
        _ text: some StringProtocol, field: String, zero: (CivilDate) -> String
    ) throws(InputError) -> [(date: CivilDate, amount: Yen)] {
        var items: [(date: CivilDate, amount: Yen)] = []
        for item in text.split(separator: ";") {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            guard let colon = part.firstIndex(of: ":") else {
                throw InputError(field: field, reason: "\(InputError.quoted(part)) is not DATE:AMOUNT (e.g. 2024-05-10:50000)")
            }
            // Spaces around the colon are a typist's, as around the field itself.
            let date = try CivilDate.parse(part[..<colon].trimmingSpaces, field: field)
            let amountText = part[part.index(after: colon)...].trimmingSpaces
            // `2024-05-01:50000,2024-06-01:1`: two items joined by the wrong separator.
            if amountText.contains(":") {
                throw InputError(field: field, reason: "\(InputError.quoted(part)) holds more than one DATE:AMOUNT; separate the items with ';'")
            }
            let amount = try Yen.parse(amountText, field: field)
            guard amount.value.signum > 0 else { throw InputError(field: field, reason: zero(date)) }
            items.append((date, amount))
        }
        return items
    }
}
