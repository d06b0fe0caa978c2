extension AgreementReport {
    /// The answers as one line of compact JSON: dates as `YYYY-MM-DD`, `null` where there is
    /// none, the explanation nested.
    public var json: String {
        var writer = JSONWriter()
        func date(_ key: StaticString, _ value: CivilDate?, _ json: inout JSONWriter) {
            json.key(key)
            if let value { json.string(value.iso8601) } else { json.null() }
        }
        writer.object { json in
            date("as_of", asOf, &json)
            json.key("status")
            switch standing {
            case .notYetInForce: json.string("not-yet-in-force")
            case .inForce(let term, _):
                json.string("in-force")
                json.key("term")
                json.integer(term)
            case .ended: json.string("ended")
            }
            date("term_last_day", termLastDay, &json)
            date("next_renewal", nextRenewal, &json)
            date("renewal_notice_deadline", renewalNoticeDeadline, &json)
            date("last_day_in_force", lastDayInForce, &json)
            date("termination_date", terminationDate, &json)
            date("termination_notice_deadline", terminationNoticeDeadline, &json)
            date("earliest_termination_on_notice_today", earliestTerminationOnNoticeToday, &json)
            json.key("earlier_terms")
            json.integer(earlierTerms)
            json.key("terms")
            json.array { json in
                for term in terms {
                    json.object { json in
                        json.key("from")
                        json.string(term.first.iso8601)
                        json.key("to")
                        json.string(term.last.iso8601)
                    }
                }
            }
            json.key("explanation")
            explanation.write(to: &json)
        }
        return writer.text
    }
}
