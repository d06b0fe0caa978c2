import LatePenalty

/// `d("2022-03-25")`: a date literal for tests; traps on a bad literal.
func d(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso8601: text) else { fatalError("bad test date \(text)") }
    return date
}

func window(_ from: String, _ to: String) -> DateWindow { DateWindow(first: d(from), last: d(to)) }

func percent(_ text: String) -> Rate { try! Rate.parse(percent: text) }

/// Day numbers of 1600-01-01 and 2400-12-31, the range the property tests draw dates from.
let dayNumbers1600to2400 = d("1600-01-01").dayNumber...d("2400-12-31").dayNumber
