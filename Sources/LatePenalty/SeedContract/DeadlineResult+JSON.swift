extension DeadlineResult {
    /// `{"deadline": "YYYY-MM-DD", "explanation": {…}}`, one line.
    public var json: String {
        var writer = JSONWriter()
        writer.object { json in
            json.key("deadline")
            json.string(date.iso8601)
            json.key("explanation")
            explanation.write(to: &json)
        }
        return writer.text
    }
}
