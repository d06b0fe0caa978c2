import Foundation

/// Runs test vectors against the library: `penalty verify` and the test suite use it alike.
public enum VectorVerifier {
    /// One vector that did not match, or a file that could not be read.
    public struct Failure: Sendable, CustomStringConvertible {
        public let file: String
        public let id: String?
        public let message: String
        public var description: String { "\(file): \(id.map { "\($0): " } ?? "")\(message)" }
    }

    public struct Report: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
        public init() {}
        public var failed: Int { failures.count }
    }

    /// The `.json` files at `paths`: each path a file, or a directory searched (not recursively).
    public static func vectorFiles(at paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PathError(description: "'\(path)' does not exist")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
                if names.isEmpty { throw PathError(description: "the folder '\(path)' holds no .json vector file") }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// A path given to ``vectorFiles(at:)`` that holds no vector file.
    public struct PathError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Checks every vector in `files` against the regimes of `catalog`.
    public static func verify(files: [String], catalog: RegimeCatalog = .bundled) -> Report {
        var report = Report()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                report.failures.append(Failure(file: file, id: nil, message: "cannot read the file"))
                continue
            }
            verify(data, named: file, catalog: catalog, into: &report)
        }
        return report
    }

    /// Checks the vectors of one file's contents, adding to `report`.
    public static func verify(_ data: Data, named file: String, catalog: RegimeCatalog = .bundled, into report: inout Report) {
        let schemaProblems = VectorSchema.problems(in: data)
        if !schemaProblems.isEmpty {
            for problem in schemaProblems { report.failures.append(Failure(file: file, id: nil, message: "schema: \(problem)")) }
            return
        }
        let suite: TestVectorFile
        do {
            suite = try JSONDecoder().decode(TestVectorFile.self, from: data)
        } catch {
            report.failures.append(Failure(file: file, id: nil, message: "not a vector file: \(error)"))
            return
        }
        if suite.vectors.isEmpty {
            report.failures.append(Failure(file: file, id: nil, message: "the file has no vectors; a vector file that checks nothing must not pass"))
        }
        var seen = Set<String>()
        for vector in suite.vectors {
            var problems = check(vector, catalog: catalog)
            if !seen.insert(vector.id).inserted { problems.append("duplicate id") }
            if problems.isEmpty {
                report.passed += 1
            } else {
                report.failures.append(Failure(file: file, id: vector.id, message: problems.joined(separator: "; ")))
            }
        }
    }

    /// What is wrong with one vector: its provenance, then each differing field.
    static func check(_ vector: TestVector, catalog: RegimeCatalog) -> [String] {
        var problems: [String] = []
        switch vector.kind {
        case .published:
            if let source = vector.source {
                if source.title.isEmpty || source.url.isEmpty || source.printed.isEmpty {
                    problems.append("a published vector needs source.title, source.url and source.printed")
                }
            } else {
                problems.append("a published vector needs a source (title, url, printed)")
            }
        case .derived:
            if (vector.derivation ?? "").isEmpty { problems.append("a derived vector needs a derivation") }
        }
        if vector.inputs["day_count"] != nil { return problems + uncheckedExpectations(vector, kind: "day-count") + checkDayCount(vector) }
        if vector.inputs["milestone_months"] != nil { return problems + uncheckedExpectations(vector, kind: "milestone") + checkMilestone(vector) }
        if vector.inputs["deadline"] != nil { return problems + uncheckedExpectations(vector, kind: "deadline") + checkDeadline(vector) }
        if vector.inputs["agreement_as_of"] != nil { return problems + uncheckedExpectations(vector, kind: "agreement") + checkAgreement(vector) }
        if vector.inputs["set_off_unpaid_price"] != nil { return problems + uncheckedExpectations(vector, kind: "set-off") + checkSetOff(vector) }
        problems += uncheckedExpectations(vector, kind: "charge")
        let expected = vector.expected
        let result: ChargeResult
        do {
            result = try catalog.compute(vector.inputs)
        } catch {
            if expected.status != "error" {
                problems.append("expected \(expected.status ?? "a result"), got error (\(error))")
            } else if let fragment = expected.error, !error.description.contains(fragment) {
                problems.append("error expected to contain '\(fragment)', got '\(error)'")
            }
            return problems
        }
        if let status = expected.status, status != result.status.rawValue {
            problems.append("status expected \(status), got \(result.status.rawValue)")
        }
        let segments = result.explanation.segments
        if let values = expected.segments {
            let actual = segments.map { $0.rounded?.value.description ?? $0.exact.description }
            if values.count != actual.count {
                problems.append("expected \(values.count) segments, got \(actual.count) (\(actual.joined(separator: ", ")))")
            } else {
                for (index, (want, got)) in zip(values, actual).enumerated() where want != nil && want != got {
                    problems.append("segment \(index + 1) expected \(want!), got \(got)")
                }
            }
        }
        if let printed = expected.segmentExactPrinted {
            if printed.count != segments.count {
                problems.append("expected \(printed.count) segments, got \(segments.count)")
            } else {
                for (index, (want, segment)) in zip(printed, segments).enumerated() {
                    guard let want else { continue }
                    let digits = want.split(separator: ".").dropFirst().first?.count ?? 0
                    let cut = segment.exact.roundedToDecimalPlaces(digits, mode: .truncate)
                    if Rational(decimal: want) != cut {
                        problems.append("segment \(index + 1) exact value \(segment.exact.decimalString(fractionDigits: digits + 3)) does not begin \(want)")
                    }
                }
            }
        }
        if let days = expected.segmentDays {
            let actual = segments.map(\.days)
            if days.count != actual.count {
                problems.append("expected \(days.count) segments, got \(actual.count) (days \(actual.map(String.init).joined(separator: ", ")))")
            } else {
                for (index, (want, got)) in zip(days, actual).enumerated() where want != nil && want != got {
                    problems.append("segment \(index + 1) expected \(want!) days, got \(got)")
                }
            }
        }
        if let amount = expected.amount, amount != result.amount.value.description {
            problems.append("amount expected \(amount), got \(result.amount.value)")
        }
        if let exact = expected.exact, exact != result.exactAmount.description {
            problems.append("exact expected \(exact), got \(result.exactAmount)")
        }
        if let days = expected.countedDays, days != result.countedDays {
            problems.append("counted_days expected \(days), got \(result.countedDays)")
        }
        if let days = expected.excludedDays, days != result.excludedDays {
            problems.append("excluded_days expected \(days), got \(result.excludedDays)")
        }
        return problems
    }

    /// A day-count vector: the year fraction of `start` .. `end − 1` under the named basis.
    static func checkDayCount(_ vector: TestVector) -> [String] {
        let inputs = vector.inputs, expected = vector.expected
        guard let name = inputs["day_count"], let basis = DayCountBases.named(name) else {
            return ["unknown day_count '\(inputs["day_count"] ?? "")'; use one of \(DayCountBases.all.map(\.name).joined(separator: ", "))"]
        }
        guard let start = inputs["start"].flatMap({ CivilDate(iso8601: $0) }), let end = inputs["end"].flatMap({ CivilDate(iso8601: $0) }), start < end else {
            return ["inputs.start and inputs.end must be ISO dates with start before end"]
        }
        let pieces: [DayCount]
        do throws(InputError) {
            pieces = try basis.counts(of: DateWindow(first: start, last: end.previousDay), excluding: .none)
        } catch {
            return ["\(error)"]
        }
        let fraction = pieces.reduce(Rational(0)) { $0 + $1.yearFraction }
        let days = pieces.reduce(0) { $0 + $1.days }
        var problems: [String] = []
        if let want = expected.yearFraction, want != fraction.description {
            problems.append("year_fraction expected \(want), got \(fraction)")
        }
        if let printed = expected.yearFractionPrinted {
            guard let printedValue = Rational(decimal: printed) else { return problems + ["year_fraction_printed '\(printed)' is not a decimal"] }
            if let toleranceText = expected.yearFractionTolerance {
                guard let tolerance = Rational(decimal: toleranceText) else {
                    return problems + ["year_fraction_tolerance '\(toleranceText)' is not a decimal"]
                }
                if (fraction - printedValue).magnitude > tolerance {
                    problems.append("year_fraction \(fraction) differs from the printed \(printed) by more than \(toleranceText)")
                }
            } else {
                let digits = printed.split(separator: ".").dropFirst().first?.count ?? 0
                if fraction.roundedToDecimalPlaces(digits, mode: .halfUp) != printedValue {
                    problems.append(
                        "year_fraction \(fraction) (\(fraction.decimalString(fractionDigits: digits + 3))) does not round to the printed \(printed)")
                }
            }
        }
        if let want = expected.days, want != days { problems.append("days expected \(want), got \(days)") }
        return problems
    }

    /// A milestone vector: the last day of `milestone_months` months after `due` (民法第143条).
    static func checkMilestone(_ vector: TestVector) -> [String] {
        guard let months = vector.inputs["milestone_months"].flatMap({ Int($0) }), CivilPeriod.monthCounts.contains(months),
            let due = vector.inputs["due"].flatMap({ CivilDate(iso8601: $0) })
        else { return ["inputs.milestone_months (a whole number from 1 to \(CivilPeriod.monthCounts.upperBound)) and inputs.due (an ISO date) are required"] }
        guard let last = CivilPeriod.months(months).lastDay(afterEventOn: due) else {
            return ["\(months) months after \(due) end after 9999-12-31, the last date the library holds"]
        }
        if let want = vector.expected.lastDay, want != last.iso8601 { return ["last_day expected \(want), got \(last)"] }
        return []
    }
}

extension VectorVerifier {
    /// Each expected value given against the one computed: "NAME expected WANT, got GOT".
    static func compare(_ pairs: [(String, String?, String?)]) -> [String] {
        pairs.compactMap { name, want, got in
            guard let want, want != (got ?? "none") else { return nil }
            return "\(name) expected \(want), got \(got ?? "none")"
        }
    }

    /// A deadline vector: 第2条 (inspection) or 第4条 (payment) from the day of receipt.
    static func checkDeadline(_ vector: TestVector) -> [String] {
        let inputs = vector.inputs
        do throws(InputError) {
            let received = try CivilDate.parse(inputs["received"] ?? "", field: "received")
            let date: CivilDate
            switch inputs["deadline"] {
            case "payment":
                date = PaymentDeadline(invoiceReceived: received, period: try CivilPeriod.parse(inputs["period"] ?? "30d", field: "period")).compute().date
            case "inspection":
                var deadline = InspectionDeadline(noticeReceived: received, period: try CivilPeriod.parse(inputs["period"] ?? "10d", field: "period"))
                if let fixed = inputs["fixed_date"] { deadline.fixedDate = fixed == "none" ? nil : try CivilDate.parse(fixed, field: "fixed_date") }
                date = deadline.compute().date
            default:
                return ["inputs.deadline must be inspection or payment, not '\(inputs["deadline"] ?? "")'"]
            }
            return compare([("last_day", vector.expected.lastDay, date.iso8601)])
        } catch {
            return ["\(error)"]
        }
    }

    /// An agreement vector: the answers of a `penalty agreements` row on `agreement_as_of`.
    static func checkAgreement(_ vector: TestVector) -> [String] {
        let expected = vector.expected
        do throws(InputError) {
            let asOf = try CivilDate.parse(vector.inputs["agreement_as_of"] ?? "", field: "agreement_as_of")
            let (agreement, terminateOn) = try AgreementBatch.agreement(from: vector.inputs)
            let report = agreement.report(asOf: asOf, terminationOn: terminateOn)
            var status = "", term: Int? = nil
            switch report.standing {
            case .notYetInForce: status = "not-yet-in-force"
            case .inForce(let number, _): (status, term) = ("in-force", number)
            case .ended: status = "ended"
            }
            var problems = compare([
                ("status", expected.status, status), ("term_last_day", expected.termLastDay, report.termLastDay?.iso8601),
                ("next_renewal", expected.nextRenewal, report.nextRenewal?.iso8601),
                ("renewal_notice_deadline", expected.renewalNoticeDeadline, report.renewalNoticeDeadline?.iso8601),
                ("last_day_in_force", expected.lastDayInForce, report.lastDayInForce?.iso8601),
                ("termination_notice_deadline", expected.terminationNoticeDeadline, report.terminationNoticeDeadline?.iso8601),
            ])
            if let want = expected.term, want != term { problems.append("term expected \(want), got \(term.map(String.init) ?? "none")") }
            return problems
        } catch {
            return expected.status == "error" && expected.error.map { error.description.contains($0) } ?? true ? [] : ["\(error)"]
        }
    }

    /// A set-off vector: 第22条's interest, claim, deduction, shortfall and the price left to pay.
    static func checkSetOff(_ vector: TestVector) -> [String] {
        let inputs = vector.inputs, expected = vector.expected
        do throws(InputError) {
            let result = try SetOff(
                damages: inputs["damages"] ?? "", due: inputs["due"] ?? "", paid: inputs["paid"] ?? "", unpaidPrice: inputs["set_off_unpaid_price"] ?? "",
                payments: inputs["payments"] ?? "", priceField: "set_off_unpaid_price"
            ).compute()
            return compare([
                ("interest", expected.interest, result.interest.amount.value.description), ("claim", expected.claim, result.claim.value.description),
                ("deducted", expected.deducted, result.deducted.value.description), ("shortfall", expected.shortfall, result.shortfall.value.description),
                ("remainder_to_pay", expected.remainderToPay, result.remainderToPay.value.description),
            ])
        } catch {
            return ["\(error)"]
        }
    }
}

extension Rational {
    /// This value rounded to `places` decimal places by `mode`, as a fraction.
    func roundedToDecimalPlaces(_ places: Int, mode: RoundingMode) -> Rational {
        let power = BigInteger.powerOfTen(places)
        let scaled: BigInteger = (self * Rational(power)).rounded(mode)
        return Rational(numerator: scaled, denominator: power)
    }
}
