extension CivilDate {
    /// Parses a date from an input field, in any form a Japanese finance export uses:
    ///
    /// - ISO `2022-03-25`; `2022/3/25`, `2022/03/25`, `2022.3.25`; `2022年3月25日`;
    /// - era dates `令和4年3月25日`, `令和元年5月1日`, `R4.3.25`, `H31.4.30`, `R4/3/25` (令和 R, 平成 H,
    ///   昭和 S, 大正 T, 明治 M);
    /// - full-width digits and separators (`２０２２／３／２５`).
    ///
    /// A day the calendar does not have (2021-02-29), an era year the era did not reach (平成32年)
    /// or a day outside its era (平成31年5月1日) is an error naming the field and saying why;
    /// nothing is moved to a nearby day.
    public static func parse(_ text: some StringProtocol, field: String) throws(InputError) -> CivilDate {
        if let date = CivilDate(iso8601: text) { return date }  // the common case, fast
        func fail(_ reason: String) -> InputError { InputError(field: field, reason: reason) }
        guard !text.isEmpty else { throw fail("is empty; give a date such as 2022-03-25 or 令和4年3月25日") }
        let shape = DateShape(text)
        guard let (era, yearText, month, day) = shape.parts else {
            throw fail("\(InputError.quoted(text)) is not a date; write YYYY-MM-DD (2022-03-25), YYYY/M/D (2022/3/25) or an era date (令和4年3月25日, R4.3.25)")
        }
        let year: Int
        if let era {
            let eraYear = yearText == "元" ? 1 : Int(yearText) ?? 0
            guard eraYear >= 1 else { throw fail("\(InputError.quoted(text)): an era year starts at 元年 (1); there is no \(era.name)\(yearText)年") }
            year = era.eraYearOne + eraYear - 1
            let lastEraYear = era.last.map { $0.year - era.eraYearOne + 1 }
            if let lastEraYear, eraYear > lastEraYear {
                throw fail("\(InputError.quoted(text)): \(era.name) has no year \(eraYear); it ended in \(era.name)\(lastEraYear)年 (\(era.last!))")
            }
        } else {
            guard let value = Int(yearText), yearText.count == 4 else { throw fail("\(InputError.quoted(text)): write the year with four digits") }
            year = value
        }
        guard (1...12).contains(month) else { throw fail("\(InputError.quoted(text)) has no month \(month)") }
        guard CivilDate.supportedYears.contains(year) else { throw fail("\(InputError.quoted(text)): year \(year) is outside 1–9999") }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let leapNote = month == 2 && day == 29 && !isLeapYear(year) ? " (\(year) is not a leap year)" : ""
            let monthText = "\(year)-\(month < 10 ? "0" : "")\(month)"
            throw fail("\(InputError.quoted(text)) does not exist: \(monthText) has \(daysInMonth(year: year, month: month)) days\(leapNote)")
        }
        if let era {
            if date < era.first {
                let actual = JapaneseEra.format(date).map { "; that day is \($0)" } ?? ""
                throw fail("\(InputError.quoted(text)) is before \(era.name) began (\(era.first))\(actual)")
            }
            if let last = era.last, date > last {
                let actual = JapaneseEra.format(date).map { "; that day is \($0)" } ?? ""
                throw fail("\(InputError.quoted(text)) is after \(era.name) ended (\(last))\(actual)")
            }
        }
        return date
    }
}

/// The parts of a date as written, before any calendar check.
private struct DateShape {
    /// (era, year as written — digits or 元, month, day), or nil when the text has no date shape.
    let parts: (JapaneseEra?, String, Int, Int)?

    init(_ text: some StringProtocol) {
        // Normalise full-width digits and separators to ASCII.
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0F: scalars.append("/")
            case 0xFF0E: scalars.append(".")
            case 0xFF0D, 0x2212: scalars.append("-")
            case 0x20, 0x3000: continue  // spaces inside era dates (令和 3年) are tolerated
            default: scalars.append(scalar)
            }
        }
        var index = 0
        var era: JapaneseEra? = nil
        var kanjiForm = false
        // An era name or letter first?
        for candidate in JapaneseEra.all {
            let name = Array(candidate.name.unicodeScalars)
            if scalars.count >= name.count && Array(scalars[0..<name.count]) == name {
                era = candidate; index = name.count; kanjiForm = true; break
            }
            if let first = scalars.first, Character(first).uppercased() == String(candidate.letter) {
                era = candidate; index = 1; break
            }
        }
        func number() -> String? {
            var digits = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { digits.unicodeScalars.append(scalars[index]); index += 1 }
            return digits.isEmpty ? nil : digits
        }
        func take(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }
        var yearText: String
        if era != nil, take("元") { yearText = "元" } else if let digits = number() { yearText = digits } else { parts = nil; return }
        let month: String, day: String
        if take("年") {
            guard let m = number(), take("月"), let d = number(), take("日"), index == scalars.count else { parts = nil; return }
            month = m; day = d
        } else {
            guard !kanjiForm, index < scalars.count, "-/.".unicodeScalars.contains(scalars[index]) else { parts = nil; return }
            let separator = scalars[index]
            index += 1
            guard let m = number(), take(separator), let d = number(), index == scalars.count else { parts = nil; return }
            month = m; day = d
        }
        if era != nil && yearText.count > 2 { parts = nil; return }
        guard month.count <= 2, day.count <= 2, let monthValue = Int(month), let dayValue = Int(day) else { parts = nil; return }
        parts = (era, yearText, monthValue, dayValue)
    }
}

extension ExcludedDays {
    /// Parses excluded days written as `;`-separated dates and `FROM..TO` ranges (both ends
    /// included), in any date form ``CivilDate/parse(_:field:)`` reads:
    /// `2022-04-10..2022-04-12;2022-04-20`, `R4.4.10..R4.4.12`. Empty text is no excluded day. A
    /// range whose end precedes its start is an error, never silently swapped.
    public static func parse(_ text: some StringProtocol, field: String = "excluded") throws(InputError) -> ExcludedDays {
        var windows: [DateWindow] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: true) {
            let part = item.trimmingSpaces
            if part.isEmpty { continue }
            if let dots = part.firstRange(of: "..") {
                let (start, end) = (part[..<dots.lowerBound].trimmingSpaces, part[dots.upperBound...].trimmingSpaces)
                if start.isEmpty || end.isEmpty {
                    throw InputError(
                        field: field,
                        reason: "range \(InputError.quoted(part)) has no \(start.isEmpty ? "start" : "end") date;"
                            + " write FROM..TO with both dates, e.g. 2022-04-10..2022-04-12")
                }
                let from = try CivilDate.parse(part[..<dots.lowerBound].trimmingSpaces, field: field)
                let to = try CivilDate.parse(part[dots.upperBound...].trimmingSpaces, field: field)
                guard from <= to else {
                    throw InputError(field: field, reason: "range \(InputError.quoted(part)) ends before it starts; write FROM..TO with FROM on or before TO")
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
    /// The text without leading and trailing spaces and tabs (U+0020, U+0009), trimmed as bytes
    /// are: a space before a combining mark is removed even though the two make one `Character`,
    /// so that trimming a field's text and trimming its bytes give the same id.
    var trimmingSpaces: SubSequence {
        let utf8 = self.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        // One pass forward: the end of the last byte that is not a space or a tab.
        var end = start, index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            if byte != 0x20 && byte != 0x09 { end = index }
        }
        return self[start..<end]
    }
}
