extension Explanation {
    /// The explanation for a person, one fact per line, Japanese terms beside English.
    public var text: String {
        var lines: [String] = ["\(rule.title) — \(rule.document) \(rule.clause)"]
        func line(_ label: String, _ value: String) {
            let pad = max(1, 44 - label.count - label.unicodeScalars.filter { $0.value > 0x2E80 }.count)
            lines.append("  \(label)\(String(repeating: " ", count: pad))\(value)")
        }
        func baseLine(_ base: Base) {
            var shown = "\(base.balance)"
            if let rounding = base.rounding { shown += " → \(base.base) (\(rounding))" }
            if let note = base.note { shown += " → \(base.base) (\(note))" }
            line("base from \(base.from) (元本・計算の基礎)", shown)
        }
        for fact in inputs { line(fact.label, fact.value) }
        if let window {
            line("window (算定期間)", "\(window.first) .. \(window.last), \(window.dayCount) days")
            if !excludedRuns.isEmpty {
                line("excluded (不算入日)", excludedRuns.map { "\($0) (\($0.dayCount))" }.joined(separator: ", ") + ", \(excludedDays) days")
            }
            line("days counted (日数)", "\(countedDays)")
        }
        if let basis { line("day-count basis (日数計算)", basis) }
        // Each base, then the segments charged on it, in date order.
        var nextBase = bases.startIndex
        for segment in segments {
            while nextBase < bases.endIndex && bases[nextBase].from <= segment.window.first {
                baseLine(bases[nextBase])
                nextBase += 1
            }
            var text = "\(segment.principal) × \(segment.rate) × \(segment.formula) = \(segment.exact) ≈ \(segment.exact.decimalString(fractionDigits: 6))"
            if let rounded = segment.rounded, let rule = segment.segmentRounding { text += " → \(rounded) (\(rule))" }
            if let note = segment.rateNote { text += " [\(note)]" }
            line("segment \(segment.window) (\(segment.days)d)", text)
        }
        for base in bases[nextBase...] { baseLine(base) }
        for row in rateSources { line("rate source \(row.window) (出典)", row.source) }
        for step in steps {
            switch step {
            case .value(let label, let exact):
                line(label, "\(exact) ≈ \(exact.decimalString(fractionDigits: 6))")
            case .rounding(let label, let rule, let before, let after):
                line("\(label): \(rule)", "\(before.decimalString(fractionDigits: 6)) → \(after)")
            }
        }
        if let minimum { line("minimum (最低額)", "\(minimum.rule): \(minimum)") }
        for note in notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
