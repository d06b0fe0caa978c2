extension SetOff.Result {
    /// The amounts as strings of digits (`damages`, `interest`, `claim`, `deducted`, `shortfall`,
    /// `remainder_to_pay`), then the set-off's explanation and the interest's, one line.
    public var json: String {
        var writer = JSONWriter()
        writer.object { json in
            let amounts: [(StaticString, Yen)] = [
                ("damages", damages), ("interest", interest.amount), ("claim", claim), ("deducted", deducted), ("shortfall", shortfall),
                ("remainder_to_pay", remainderToPay),
            ]
            for (key, amount) in amounts {
                json.key(key)
                json.digits(amount.value)
            }
            json.key("explanation")
            explanation.write(to: &json)
            json.key("interest_explanation")
            interest.explanation.write(to: &json)
        }
        return writer.text
    }
}
