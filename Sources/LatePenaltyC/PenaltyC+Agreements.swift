// The C entry points for the seed documents' other computations: an agreement's term and notice
// deadlines, a register of agreements, the contract's deadlines, its consumption tax and its
// set-off. Each returns its answer as one JSON object (the same as the command's --format json).
import LatePenalty

#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` for an entry point that answers with one JSON object: NULL outputs are refused,
/// a thrown input error becomes PENALTY_INPUT_ERROR with its message.
func answer(
    _ resultJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ body: () throws(InputError) -> String
) -> Int32 {
    give(nil, to: resultJSON)
    give(nil, to: errorMessage)
    guard let resultJSON else {
        give("result_json must not be NULL", to: errorMessage)
        return penaltyArgumentError
    }
    do throws(InputError) {
        give(try body(), to: resultJSON)
        return penaltyOK
    } catch {
        give(error.description, to: errorMessage)
        return penaltyInputError
    }
}

/// `text`, or an input error naming `field` when the pointer is NULL.
func required(_ text: UnsafePointer<CChar>?, _ field: String) throws(InputError) -> String {
    guard let text else { throw InputError(field: field, reason: "must not be NULL") }
    return String(cString: text)
}

@_cdecl("penalty_agreement")
public func penaltyAgreement(
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?, _ fieldCount: Int,
    _ asOf: UnsafePointer<CChar>?, _ resultJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guard let given = fields(names, values, fieldCount, errorMessage) else {
        give(nil, to: resultJSON)
        return penaltyArgumentError
    }
    return answer(resultJSON, errorMessage) { () throws(InputError) -> String in
        let day = try CivilDate.parse(try required(asOf, "as_of"), field: "as_of")
        let (agreement, terminateOn) = try AgreementBatch.agreement(from: given)
        return agreement.report(asOf: day, terminationOn: terminateOn).json
    }
}

@_cdecl("penalty_agreements")
public func penaltyAgreements(
    _ input: UnsafePointer<CChar>?, _ length: Int, _ inputFormat: Int32, _ outputFormat: Int32, _ asOf: UnsafePointer<CChar>?,
    _ dueWithin: Int32, _ output: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ rowsRead: UnsafeMutablePointer<Int64>?,
    _ rowsRejected: UnsafeMutablePointer<Int64>?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guard let output, let bytes = fileInput(input, length, inputFormat, outputFormat, output, diagnostics, rowsRead, rowsRejected, errorMessage)
    else { return penaltyArgumentError }
    guard let asOf else {
        give("as_of must not be NULL", to: errorMessage)
        return penaltyArgumentError
    }
    guard dueWithin == -1 || (0...Int32(AgreementBatch.Options.maxDueWithin)).contains(dueWithin) else {
        give("due_within is -1 (every agreement) or 0 to \(AgreementBatch.Options.maxDueWithin) days", to: errorMessage)
        return penaltyArgumentError
    }
    let day: CivilDate
    do { day = try CivilDate.parse(String(cString: asOf), field: "as_of") } catch {
        give(error.description, to: errorMessage)
        return penaltyInputError
    }
    var options = AgreementBatch.Options(asOf: day)
    options.dueWithin = dueWithin >= 0 ? Int(dueWithin) : nil
    options.format = outputFormat == 1 ? .jsonl : .csv
    let columns = Set(AgreementBatch.columns)
    return runFile(
        { outputBytes, diagnostics in
            func output(_ text: String) {
                var text = text
                text.withUTF8 { outputBytes(UnsafeRawBufferPointer($0)) }
            }
            let summary: AgreementBatch.Summary
            if inputFormat == 1 {
                var reader = JSONLinesReader(bytes: bytes, keeping: columns)
                summary = try AgreementBatch.run(&reader, options: options, output: output, diagnostics: diagnostics)
            } else {
                var reader = try CSVRecordReader(bytes: bytes, keeping: columns)
                summary = try AgreementBatch.run(&reader, options: options, output: output, diagnostics: diagnostics)
            }
            return (summary.read, summary.rejected)
        }, output: output, diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rowsRejected, errorMessage: errorMessage)
}

@_cdecl("penalty_deadline")
public func penaltyDeadline(
    _ kind: UnsafePointer<CChar>?, _ received: UnsafePointer<CChar>?, _ period: UnsafePointer<CChar>?,
    _ resultJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    answer(resultJSON, errorMessage) { () throws(InputError) -> String in
        let day = try CivilDate.parse(try required(received, "received"), field: "received")
        let length = try period.map { text throws(InputError) in try CivilPeriod.parse(String(cString: text), field: "period") }
        if let length, !AutoRenewingAgreement.isWithinBounds(length) {
            throw InputError(field: "period", reason: "\(length) is not between one day and a hundred years")
        }
        switch try required(kind, "kind") {
        case "payment": return PaymentDeadline(invoiceReceived: day, period: length ?? .days(30)).compute().json
        case "inspection": return InspectionDeadline(noticeReceived: day, period: length ?? .days(10)).compute().json
        case let other: throw InputError(field: "kind", reason: "'\(other.prefix(40))' is not inspection or payment")
        }
    }
}

@_cdecl("penalty_tax")
public func penaltyTax(
    _ amount: UnsafePointer<CChar>?, _ resultJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    answer(resultJSON, errorMessage) { () throws(InputError) -> String in
        try ConsumptionTax(taxInclusiveAmount: try Yen.parse(try required(amount, "amount"), field: "amount")).split().json
    }
}

@_cdecl("penalty_set_off")
public func penaltySetOff(
    _ damages: UnsafePointer<CChar>?, _ due: UnsafePointer<CChar>?, _ paid: UnsafePointer<CChar>?, _ unpaidPrice: UnsafePointer<CChar>?,
    _ payments: UnsafePointer<CChar>?, _ resultJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    answer(resultJSON, errorMessage) { () throws(InputError) -> String in
        try SetOff(
            damages: try required(damages, "damages"), due: try required(due, "due"), paid: try required(paid, "paid"),
            unpaidPrice: try required(unpaidPrice, "unpaid_price"), payments: payments.map { String(cString: $0) } ?? ""
        ).compute().json
    }
}
