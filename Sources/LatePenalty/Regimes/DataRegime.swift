import Foundation

/// A regime defined by data (a bundled JSON file or a user's): rate table, milestones, basis,
/// roundings and minimums. `local-tax-arrears`, `national-tax-arrears`, `payment-delay-act`,
/// `civil-statutory`, and any regime a user defines.
public struct DataRegime: Regime {
    public let name: String
    public let title: String
    public let rule: RuleReference
    /// What the regime does, in a sentence or two, with its source.
    public let summary: String
    public let terms: AccrualTerms
    /// The terms compiled once, for every row without a rate of its own.
    let plan: AccrualPlan
    /// The definition as loaded (after any overlay), for printing and for rate files.
    let definition: RegimeFile
    /// The rule for a tax amended after its return, when the regime has one: the period after
    /// the due date from whose end the days until the amendment are not counted, and the rule
    /// it implements (国税通則法第61条第1項第1号).
    let amendedReturn: (excludedAfter: CivilPeriod, rule: String, lateReturnRule: String?)?
    public var fields: [String] {
        ["amount", "due", "paid", "excluded", "payments", "decreases", "rate", "high_rate", "roll_due", "reduced"] + (usesContractDate ? ["contract_date"] : [])
            + (amendedReturn == nil ? [] : ["amended_on", "fraud"]) + (amendedReturn?.lateReturnRule == nil ? [] : ["late_return_on"])
    }

    var usesContractDate: Bool {
        if case .table(_, .contractDateElseFirstDayOfDelay) = terms.rates.source { return true }
        return false
    }

    init(file: RegimeFile) throws(InputError) {
        func fail(_ reason: String) -> InputError { InputError(field: "rates", reason: "regime '\(file.name)': \(reason)") }
        definition = file
        name = file.name
        title = file.title ?? file.name
        summary = file.summary ?? ""
        rule = RuleReference(clause: file.clause ?? "", title: title, document: file.document ?? "")
        guard let rates = file.rates, let rows = rates.table else { throw fail("has no rates.table") }
        let pick = rates.pick ?? RatePick.eachDay.rawValue
        guard let ratePick = RatePick(rawValue: pick) else {
            throw fail("rates.pick '\(pick)' is not one of \(RatePick.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var tableRows: [RateRow] = []
        for (index, row) in rows.enumerated() {
            let label = "rate table row \(index + 1)"
            do throws(InputError) {
                let from = try CivilDate.parse(row.from, field: "from")
                let to = try row.to.map { (text) throws(InputError) in try CivilDate.parse(text, field: "to") } ?? .last
                guard from <= to else { throw InputError(field: "to", reason: "\(to) is before from \(from)") }
                tableRows.append(
                    RateRow(
                        window: DateWindow(first: from, last: to), rate: try Rate.parse(percent: row.rate, field: "rate"),
                        highRate: try row.highRate.map { (text) throws(InputError) in try Rate.parse(percent: text, field: "high_rate") },
                        graceRate: try row.graceRate.map { (text) throws(InputError) in try Rate.parse(percent: text, field: "grace_rate") },
                        source: row.source))
            } catch {
                throw fail("\(label): \(error)")
            }
        }
        var unverifiedRows: [UnverifiedRateRow] = []
        for (index, row) in (rates.unverified ?? []).enumerated() {
            do throws(InputError) {
                let from = try CivilDate.parse(row.from, field: "from"), to = try CivilDate.parse(row.to, field: "to")
                guard from <= to else { throw InputError(field: "to", reason: "\(to) is before from \(from)") }
                if row.rate == nil, row.highRate != nil { throw InputError(field: "high_rate", reason: "is given without a rate") }
                if row.highRate != nil, rates.lowPeriodMonths == nil {
                    throw InputError(field: "high_rate", reason: "is given but the regime has one rate (rates.low_period_months is missing)")
                }
                unverifiedRows.append(
                    UnverifiedRateRow(
                        window: DateWindow(first: from, last: to),
                        rate: try row.rate.map { (text) throws(InputError) in try Rate.parse(percent: text, field: "rate") },
                        highRate: try row.highRate.map { (text) throws(InputError) in try Rate.parse(percent: text, field: "high_rate") },
                        source: row.source))
            } catch {
                throw fail("unverified row \(index + 1): \(error)")
            }
        }
        let schedule: RateSchedule
        do throws(InputError) { schedule = try RateSchedule(rows: tableRows, unverified: unverifiedRows) } catch { throw fail(error.reason) }
        if let months = rates.lowPeriodMonths, !CivilPeriod.monthCounts.contains(months) {
            throw fail("rates.low_period_months \(months) is not a number of months from 1 to \(CivilPeriod.monthCounts.upperBound)")
        }
        let lowPeriod = rates.lowPeriodMonths.map { CivilPeriod.months($0) }
        if tableRows.contains(where: { $0.highRate != nil }) && lowPeriod == nil {
            throw fail("rows give a high_rate but rates.low_period_months is missing")
        }
        if lowPeriod != nil, let index = tableRows.firstIndex(where: { $0.highRate == nil }) {
            throw fail(
                "rates.low_period_months is given but rate table row \(index + 1) has no high_rate; give the rate after the low period on every row, or leave low_period_months out"
            )
        }
        let split = rates.split ?? "rate-change"
        guard split == "rate-change" || split == "calendar-year" else {
            throw fail("rates.split '\(split)' is not rate-change or calendar-year")
        }
        let basisName = file.basis ?? "fixed-365"
        guard let basis = DayCountBases.named(basisName) else {
            throw fail("basis '\(basisName)' is not one of \(DayCountBases.all.map(\.name).joined(separator: ", "))")
        }
        terms = AccrualTerms(
            rates: RatePlan(source: .table(schedule, pick: ratePick), lowPeriod: lowPeriod, splitsAtNewYear: split == "calendar-year"),
            basis: basis,
            baseRounding: try DataRegime.rounding(file.base, what: "base", regime: file.name),
            baseMinimum: try DataRegime.yen(file.base?.minimum, what: "base.minimum", regime: file.name),
            segmentRounding: try DataRegime.segmentRounding(file.segments, regime: file.name),
            resultRounding: try DataRegime.rounding(file.result, what: "result", regime: file.name) ?? .floorToYen,
            minimum: try DataRegime.yen(file.result?.minimum, what: "result.minimum", regime: file.name).map { .waiveBelow($0) } ?? MinimumRule.none,
            paymentAllocation: try DataRegime.allocation(file.payments, regime: file.name))
        plan = AccrualPlan(terms: terms)
        if let amended = file.amendedReturn {
            guard let months = amended.excludedAfterMonths, CivilPeriod.monthCounts.contains(months) else {
                throw fail("amended_return.excluded_after_months is not a number of months from 1 to \(CivilPeriod.monthCounts.upperBound)")
            }
            amendedReturn = (CivilPeriod.months(months), amended.rule ?? "", amended.lateReturnRule)
        } else {
            amendedReturn = nil
        }
    }

    /// Checks the texts of a user's regime file (the bundled ones are held to the same by the
    /// tests, not at every start): a rate row's source, its title, summary, clause and document.
    static func checkTexts(of file: RegimeFile) throws(InputError) {
        func fail(_ label: String, _ error: InputError) -> InputError {
            InputError(field: "rates", reason: "regime '\(file.name)': \(label)\(error)")
        }
        for (field, text) in [("title", file.title), ("summary", file.summary), ("clause", file.clause), ("document", file.document)] {
            guard let text else { continue }
            do throws(InputError) { try checkText(text, field: field) } catch { throw fail("", error) }
        }
        for (index, row) in (file.rates?.table ?? []).enumerated() {
            do throws(InputError) { try checkSource(row.source) } catch { throw fail("rate table row \(index + 1): ", error) }
        }
        for (index, row) in (file.rates?.unverified ?? []).enumerated() {
            do throws(InputError) { try checkSource(row.source) } catch { throw fail("unverified row \(index + 1): ", error) }
        }
    }

    /// The longest source a rate row may give: it is quoted in every error of a row that needs it.
    static let maxSourceBytes = 4096

    /// A rate row's source is what an explanation and a refusal cite: one line of text, not empty.
    static func checkSource(_ source: String) throws(InputError) {
        if source.allSatisfy({ $0.isWhitespace }) {
            throw InputError(field: "source", reason: "is empty; name where the rate comes from (a statute or notice, a page and its address)")
        }
        try checkText(source, field: "source")
        if source.utf8.count > maxSourceBytes {
            throw InputError(
                field: "source", reason: "is \(source.utf8.count) bytes long; at most \(maxSourceBytes), since every row refused for want of the rate quotes it"
            )
        }
    }

    /// Text a regime file gives for people (a source, a title, a summary) is written into
    /// explanations, CSV cells and terminals as it is: no control character may hide in it.
    static func checkText(_ text: String, field: String) throws(InputError) {
        // On the bytes: C0 controls and DEL are one byte in UTF-8, C1 controls 0xC2 0x80–0x9F.
        var utf8 = text.utf8.makeIterator()
        var control: UInt32? = nil
        while let byte = utf8.next() {
            if byte < 0x20 || byte == 0x7F {
                control = UInt32(byte)
                break
            }
            if byte == 0xC2, let next = utf8.next(), (0x80...0x9F).contains(next) {
                control = UInt32(next)
                break
            }
        }
        guard let control else { return }
        throw InputError(field: field, reason: "holds the control character \(InputError.codePoint(control)); write it as one line of text")
    }

    static func rounding(_ amounts: RegimeFile.Amounts?, what: String, regime: String) throws(InputError) -> Rounding? {
        guard let amounts, amounts.rounding != nil || amounts.unit != nil else { return nil }
        let modeName = amounts.rounding ?? "floor"
        guard let mode = RoundingMode(rawValue: modeName) else {
            throw InputError(
                field: "rates",
                reason: "regime '\(regime)': \(what).rounding '\(modeName)' is not one of \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let unit = try yen(amounts.unit ?? "1", what: "\(what).unit", regime: regime) ?? Yen(1)
        guard unit.value.signum > 0 else { throw InputError(field: "rates", reason: "regime '\(regime)': \(what).unit must be positive") }
        return Rounding(mode, toMultipleOf: unit.value)
    }

    static func yen(_ text: String?, what: String, regime: String) throws(InputError) -> Yen? {
        guard let text else { return nil }
        do throws(InputError) { return try Yen.parse(text, field: what) } catch {
            throw InputError(field: "rates", reason: "regime '\(regime)': \(error)")
        }
    }

    static func segmentRounding(_ text: String?, regime: String) throws(InputError) -> SegmentRounding {
        switch text ?? "total" {
        case "each": return .eachSegment(.floorToYen)
        case "total": return .totalOnly
        case let other: throw InputError(field: "rates", reason: "regime '\(regime)': segments '\(other)' is not 'each' (floor each to ¥1) or 'total'")
        }
    }

    static func allocation(_ text: String?, regime: String) throws(InputError) -> PaymentAllocation {
        let name = text ?? PaymentAllocation.principalFirst.rawValue
        guard let allocation = PaymentAllocation(rawValue: name) else {
            throw InputError(field: "rates", reason: "regime '\(regime)': payments '\(name)' is not principal-first or interest-first")
        }
        return allocation
    }

    /// The definition as regime-file JSON: a starting point for a user's rate file.
    public var definitionJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(definition)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The rate table, if the regime has one.
    public var rateTable: RateSchedule? {
        if case .table(let schedule, _) = terms.rates.source { return schedule }
        return nil
    }

    public func compute(_ values: [String: String]) throws(InputError) -> ChargeResult {
        try rejectUnused(values)
        let fields = CaseFields(values: values)
        var plan = self.plan
        if fields.text("rate") != nil || fields.text("high_rate") != nil {
            var terms = self.terms
            terms.rates = try DataRegime.overriddenRates(terms.rates, fields)
            plan = AccrualPlan(terms: terms)
        }
        var delay = DelayCase(
            principal: try fields.amount(), due: try fields.date("due", "the due date (納期限)"),
            end: try fields.date("paid", "the payment day"), excluded: try fields.excluded(), payments: try fields.payments(),
            contractDate: try fields.optionalDate("contract_date"), rollDue: try fields.rollDue(), reduced: try fields.reduced(),
            decreases: try fields.decreases())
        let amendment = try amended(&delay, fields)
        return try compute(delay, plan: plan, amendment: amendment)
    }

    /// Applies the rule for a tax amended after its return to `delay`, from the row's
    /// `amended_on`, `fraud` and `late_return_on`: the low-rate period from the day of the
    /// amendment, and the days excluded. Returns what the explanation says of it, or nil when the
    /// row gives no amendment.
    func amended(_ delay: inout DelayCase, _ fields: CaseFields) throws(InputError) -> Explanation.Fact? {
        let fraud = try fields.yesNo("fraud")
        let lateReturn = amendedReturn?.lateReturnRule == nil ? nil : try fields.optionalDate("late_return_on")
        guard let rule = amendedReturn, let day = try fields.optionalDate("amended_on") else {
            if fraud != nil { throw InputError(field: "fraud", reason: "is given without amended_on; it says whether the amendment bears 重加算税") }
            if lateReturn != nil {
                throw InputError(
                    field: "late_return_on", reason: "is given without amended_on; it is the day of the late return (期限後申告) that the amendment follows")
            }
            return nil
        }
        guard day >= delay.due else {
            throw InputError(field: "amended_on", reason: "\(day) is before the due date \(delay.due); an amendment comes after the 法定納期限")
        }
        if let lateReturn {
            guard lateReturn > delay.due else {
                throw InputError(
                    field: "late_return_on",
                    reason: "\(lateReturn) is not after the due date \(delay.due); a late return (期限後申告) is filed after the 法定申告期限"
                        + " (for a timely return leave late_return_on empty)"
                )
            }
            guard lateReturn <= day else {
                throw InputError(field: "late_return_on", reason: "\(lateReturn) is after amended_on \(day); the amendment follows the late return (期限後申告)")
            }
        }
        delay.lowPeriodFrom = day
        var text = "\(day): the low rate runs from it (具体的納期限, 国税通則法第60条第2項)"
        // The period runs from the due date after a timely return (第1号), from the day of the
        // late return after a late one (第2号); the day on which it has elapsed (民法第143条), and
        // no such day before 9999-12-31 means no day is excluded.
        let (start, from, cited) =
            lateReturn.map { ($0, "of the late return (期限後申告) on \($0)", rule.lateReturnRule ?? rule.rule) } ?? (delay.due, "of the due date", rule.rule)
        guard let lastCounted = rule.excludedAfter.lastDay(afterEventOn: start), day > lastCounted else {
            return Explanation.Fact("amended_on", "amended (修正申告・更正)", text + "; within \(rule.excludedAfter) \(from): no day excluded")
        }
        let excluded = DateWindow(first: lastCounted.nextDay, last: day)
        if fraud == true {
            text += "; with 重加算税 the special rule does not apply: \(excluded) counted"
        } else {
            delay.excluded = ExcludedDays(delay.excluded.runs + [excluded])
            let after = lateReturn.map { "; more than \(rule.excludedAfter) after the late return (期限後申告) on \($0)" } ?? ""
            text += "\(after); \(excluded) not counted (\(cited))"
        }
        return Explanation.Fact("amended_on", "amended (修正申告・更正)", text)
    }

    func compute(_ delay: DelayCase, plan: AccrualPlan) throws(InputError) -> ChargeResult {
        try compute(delay, plan: plan, amendment: nil)
    }

    func compute(_ delay: DelayCase, plan: AccrualPlan, amendment: Explanation.Fact?) throws(InputError) -> ChargeResult {
        var inputs: [Explanation.Fact] = [
            .init("amount", "amount (金額)", delay.principal.description),
            .init("due", "due date (期限)", delay.due.iso8601),
            .init("paid", "paid (納付・支払日)", delay.end.iso8601),
        ]
        if let contractDate = delay.contractDate { inputs.append(.init("contract_date", "contract date (契約日)", contractDate.iso8601)) }
        // A rate the row gives replaces the table on every day: the explanation says so, since
        // no rate source is cited for it.
        if case .fixed(let rate, let high) = plan.terms.rates.source, case .table = terms.rates.source {
            let rates = high.map { "\(rate) / \($0) (after the low-rate period)" } ?? "\(rate)"
            inputs.append(.init("rate", "rate given in the row (利率)", "\(rates), in place of the regime's table on every day"))
        }
        if !delay.payments.isEmpty { inputs.append(.init("payments", "partial payments (一部納付)", delay.payments.map(\.description).joined(separator: "; "))) }
        if let decreases = delay.decreasesFact { inputs.append(decreases) }
        if let reduced = delay.reduced.fact { inputs.append(reduced) }
        if let amendment { inputs.append(amendment) }
        return try Accrual.compute(delay, plan: plan, rule: rule, inputs: inputs)
    }

    /// An explicit `rate` (and `high_rate`) in the row replaces the table for that row.
    static func overriddenRates(_ plan: RatePlan, _ fields: CaseFields) throws(InputError) -> RatePlan {
        let rate = try fields.optionalRate("rate"), high = try fields.optionalRate("high_rate")
        guard let rate else {
            if high != nil { throw InputError(field: "high_rate", reason: "is given without rate; give both or neither") }
            return plan
        }
        if plan.lowPeriod != nil && high == nil {
            throw InputError(field: "high_rate", reason: "is empty; this regime has a low and a high rate, so an explicit rate needs both rate and high_rate")
        }
        if plan.lowPeriod == nil && high != nil {
            throw InputError(field: "high_rate", reason: "this regime has one rate; leave high_rate empty")
        }
        return RatePlan(source: .fixed(rate: rate, highRate: high), lowPeriod: plan.lowPeriod, splitsAtNewYear: plan.splitsAtNewYear)
    }
}
