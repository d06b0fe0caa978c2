extension Explanation {
    /// The explanation as one line of compact JSON. Amounts and exact fractions are strings
    /// (`"22602"`, `"8250000/365"`) so that no reader rounds them through a float.
    public var json: String { jsonValue.serialized }

    var jsonValue: JSONValue {
        func window(_ w: DateWindow) -> JSONValue {
            .object([("from", .string(w.first.iso8601)), ("to", .string(w.last.iso8601)), ("days", .integer(w.dayCount))])
        }
        var members: [(String, JSONValue)] = [
            ("rule", .object([("clause", .string(rule.clause)), ("title", .string(rule.title)), ("document", .string(rule.document))])),
            ("inputs", .object(inputs.map { ($0.key, .string($0.value)) })),
        ]
        if let w = self.window { members.append(("window", window(w))) }
        if let basis { members.append(("basis", .string(basis))) }
        members.append(("counted_days", .integer(countedDays)))
        members.append(("excluded_days", .integer(excludedDays)))
        members.append(("excluded", .array(excludedRuns.map(window))))
        members.append(
            (
                "bases",
                .array(
                    bases.map { base in
                        var fields: [(String, JSONValue)] = [
                            ("from", .string(base.from.iso8601)), ("balance", .string(base.balance.value.description)),
                            ("base", .string(base.base.value.description)),
                        ]
                        if let rounding = base.rounding {
                            fields.append(("rounding", .string(rounding.mode.rawValue)))
                            fields.append(("unit", .string(rounding.unit.description)))
                        }
                        if let note = base.note { fields.append(("note", .string(note))) }
                        return .object(fields)
                    })
            ))
        members.append(
            (
                "segments",
                .array(
                    segments.map { segment in
                        var fields: [(String, JSONValue)] = [
                            ("from", .string(segment.window.first.iso8601)), ("to", .string(segment.window.last.iso8601)),
                            ("days", .integer(segment.days)), ("principal", .string(segment.principal.value.description)),
                            ("rate_percent", .string(segment.rate.percent.description)),
                            ("year_fraction", .string(segment.yearFraction.description)), ("exact", .string(segment.exact.description)),
                        ]
                        if let rounded = segment.rounded { fields.append(("rounded", .string(rounded.value.description))) }
                        if let note = segment.rateNote { fields.append(("rate_note", .string(note))) }
                        return .object(fields)
                    })
            ))
        members.append(
            (
                "steps",
                .array(
                    steps.map { step in
                        switch step {
                        case .value(let label, let exact):
                            return .object([("step", .string(label)), ("exact", .string(exact.description))])
                        case .rounding(let label, let rule, let before, let after):
                            return .object([
                                ("step", .string(label)), ("rounding", .string(rule.mode.rawValue)), ("unit", .string(rule.unit.description)),
                                ("before", .string(before.description)), ("after", .string(after.value.description)),
                            ])
                        }
                    })
            ))
        if let minimum {
            members.append(
                (
                    "minimum",
                    .object([
                        ("rule", .string(minimum.rule.description)), ("before", .string(minimum.before.value.description)),
                        ("after", .string(minimum.after.value.description)), ("waived", .bool(minimum.waived)),
                    ])
                ))
        }
        members.append(("notes", .array(notes.map { .string($0) })))
        return .object(members)
    }
}
