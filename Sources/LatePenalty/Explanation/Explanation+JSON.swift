extension Explanation {
    /// The explanation as one line of compact JSON. Amounts and exact fractions are strings
    /// (`"22602"`, `"8250000/365"`) so that no reader rounds them through a float.
    public var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }

    /// Writes the explanation as a JSON object.
    func write(to json: inout JSONWriter) {
        func window(_ w: DateWindow, _ json: inout JSONWriter) {
            json.object { json in
                json.key("from")
                json.date(w.first)
                json.key("to")
                json.date(w.last)
                json.key("days")
                json.integer(w.dayCount)
            }
        }
        json.object { json in
            json.key("rule")
            json.object { json in
                json.key("clause")
                json.string(rule.clause)
                json.key("title")
                json.string(rule.title)
                json.key("document")
                json.string(rule.document)
            }
            json.key("inputs")
            json.object { json in
                for fact in inputs {
                    json.key(named: fact.key)
                    json.string(fact.value)
                }
            }
            if let w = self.window {
                json.key("window")
                window(w, &json)
            }
            if let basis {
                json.key("basis")
                json.string(basis)
            }
            json.key("counted_days")
            json.integer(countedDays)
            json.key("excluded_days")
            json.integer(excludedDays)
            json.key("excluded")
            json.array { json in
                for run in excludedRuns { window(run, &json) }
            }
            json.key("bases")
            json.array { json in
                for base in bases {
                    json.object { json in
                        json.key("from")
                        json.date(base.from)
                        json.key("balance")
                        json.digits(base.balance.value)
                        json.key("base")
                        json.digits(base.base.value)
                        if let rounding = base.rounding {
                            json.key("rounding")
                            json.string(rounding.mode.rawValue)
                            json.key("unit")
                            json.digits(rounding.unit)
                        }
                        if let note = base.note {
                            json.key("note")
                            json.string(note)
                        }
                    }
                }
            }
            json.key("segments")
            json.array { json in
                for segment in segments {
                    json.object { json in
                        json.key("from")
                        json.date(segment.window.first)
                        json.key("to")
                        json.date(segment.window.last)
                        json.key("days")
                        json.integer(segment.days)
                        json.key("principal")
                        json.digits(segment.principal.value)
                        json.key("rate_percent")
                        json.fraction(segment.rate.percent)
                        json.key("year_fraction")
                        json.fraction(segment.years, over: segment.perYear)
                        json.key("exact")
                        json.fraction(segment.exact)
                        if let rounded = segment.rounded {
                            json.key("rounded")
                            json.digits(rounded.value)
                        }
                        if let note = segment.rateNote {
                            json.key("rate_note")
                            json.string(note)
                        }
                    }
                }
            }
            // Each table row's source once, however many segments it rates, in the order of
            // ``rateSources``, read from the segments in place rather than gathered in an array.
            if segments.contains(where: { if case .some = $0.rateRow { true } else { false } }) {
                json.key("rate_sources")
                json.object { json in
                    for index in segments.indices where isFirstSegment(ofRateRowAt: index) {
                        guard let row = segments[index].rateRow else { continue }
                        json.key(writing: row.window.write(to:))
                        json.string(row.source)
                    }
                }
            }
            json.key("steps")
            json.array { json in
                for step in steps {
                    json.object { json in
                        switch step {
                        case .value(let label, let exact):
                            json.key("step")
                            json.string(label)
                            json.key("exact")
                            json.fraction(exact)
                        case .rounding(let label, let rule, let before, let after):
                            json.key("step")
                            json.string(label)
                            json.key("rounding")
                            json.string(rule.mode.rawValue)
                            json.key("unit")
                            json.digits(rule.unit)
                            json.key("before")
                            json.fraction(before)
                            json.key("after")
                            json.digits(after.value)
                        }
                    }
                }
            }
            if let minimum {
                json.key("minimum")
                json.object { json in
                    json.key("rule")
                    json.string(writing: minimum.rule.write(to:))
                    json.key("before")
                    json.digits(minimum.before.value)
                    json.key("after")
                    json.digits(minimum.after.value)
                    json.key("waived")
                    json.bool(minimum.waived)
                    json.key("waived_by")
                    if minimum.waivedByResult {
                        json.string("result minimum")
                    } else if minimum.baseMinimum != nil {
                        json.string("base minimum")
                    } else {
                        json.null()
                    }
                    json.key("decision")
                    json.string(writing: minimum.write(to:))
                }
            }
            json.key("notes")
            json.array { json in
                for note in noteItems { json.string(writing: note.write(to:)) }
            }
        }
    }
}
