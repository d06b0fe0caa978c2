extension ConsumptionTax.Split {
    /// `{"gross": "…", "tax": "…", "net": "…", "explanation": {…}}`, amounts as digits, one line.
    public var json: String {
        var writer = JSONWriter()
        writer.object { json in
            for (key, amount) in [("gross", gross), ("tax", tax.amount), ("net", net)] as [(StaticString, Yen)] {
                json.key(key)
                json.digits(amount.value)
            }
            json.key("explanation")
            tax.explanation.write(to: &json)
        }
        return writer.text
    }
}
