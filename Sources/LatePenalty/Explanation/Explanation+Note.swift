extension Explanation {
    /// A note kept as its facts and written when the explanation is: every statutory row carries
    /// a low-rate note, and a row with payments one or two a payment, so a `String` made for each
    /// would cost more than the rest of the row's arithmetic. ``text`` and the JSON writer render
    /// the same bytes (``write(to:)``).
    enum Note: Sendable {
        case text(String)
        /// The low-rate period: `Low rate from 2021-04-09 through 2021-06-08 (2 months (2か月) after
        /// the deadline, 民法第143条); high rate after.` Counted from the amendment, when given.
        case lowRate(first: CivilDate, lowEnd: CivilDate, period: CivilPeriod, amendedOn: CivilDate?)
        /// A payment on or before the deadline, which only lowers the principal.
        case paymentBeforeDelay(amount: Yen, date: CivilDate, balance: Yen, newBalance: Yen)
        /// A payment first set against accrued interest (民法第489条).
        case interestFirst(amount: Yen, date: CivilDate, toInterest: Yen, owed: Yen, toPrincipal: Yen)
        /// A payment's new principal, charged from the next day; any part past the principal.
        case payment(date: CivilDate, balance: Yen, newBalance: Yen, beyond: Yen?)
        /// A decrease of the principal (減額更正 and the like) from `date` on; before the delay
        /// when it takes effect on or before the first day of delay.
        case decrease(amount: Yen, date: CivilDate, balance: Yen, newBalance: Yen, beforeDelay: Bool)

        var text: String {
            if case .text(let text) = self { return text }
            return OutputBytes.text { write(to: $0) }
        }

        /// Writes ``text`` to `out`.
        func write(to out: OutputBytes) {
            func paymentOf(_ amount: Yen, on date: CivilDate) {
                out.append(literal: "Payment of ")
                amount.write(to: out)
                out.append(literal: " on ")
                date.writeISO8601(to: out)
            }
            func change(from balance: Yen, to newBalance: Yen) {
                balance.write(to: out)
                out.append(literal: " → ")
                newBalance.write(to: out)
            }
            switch self {
            case .text(let text):
                out.append(text)
            case .lowRate(let first, let lowEnd, let period, let amendedOn):
                out.append(literal: "Low rate from ")
                first.writeISO8601(to: out)
                out.append(literal: " through ")
                lowEnd.writeISO8601(to: out)
                out.append(literal: " (")
                period.write(to: out)
                if let amendedOn {
                    out.append(literal: " after the amendment on ")
                    amendedOn.writeISO8601(to: out)
                    out.append(literal: " (具体的納期限)")
                } else {
                    out.append(literal: " after the deadline")
                }
                out.append(literal: ", 民法第143条); high rate after.")
            case .paymentBeforeDelay(let amount, let date, let balance, let newBalance):
                paymentOf(amount, on: date)
                out.append(literal: ", before the delay began: principal ")
                change(from: balance, to: newBalance)
                out.append(literal: ".")
            case .interestFirst(let amount, let date, let toInterest, let owed, let toPrincipal):
                paymentOf(amount, on: date)
                out.append(literal: ": ")
                toInterest.write(to: out)
                out.append(literal: " to accrued interest (of ")
                owed.write(to: out)
                out.append(literal: "), ")
                toPrincipal.write(to: out)
                out.append(literal: " to principal (民法第489条: 利息に先に充当).")
            case .payment(let date, let balance, let newBalance, let beyond):
                out.append(literal: "Payment on ")
                date.writeISO8601(to: out)
                out.append(literal: ": principal ")
                change(from: balance, to: newBalance)
                out.append(literal: " from ")
                date.nextDay.writeISO8601(to: out)
                if let beyond {
                    out.append(literal: "; ")
                    beyond.write(to: out)
                    out.append(literal: " beyond the principal is left to the charge itself")
                }
                out.append(literal: ".")
            case .decrease(let amount, let date, let balance, let newBalance, let beforeDelay):
                out.append(literal: "Decrease of ")
                amount.write(to: out)
                out.append(literal: " from ")
                date.writeISO8601(to: out)
                out.append(literal: " (減額): principal ")
                change(from: balance, to: newBalance)
                out.append(literal: beforeDelay ? " from the first day counted" : " from that day")
                if amount > balance {
                    out.append(literal: "; it is ")
                    (amount - balance).write(to: out)
                    out.append(literal: " more than the principal, which it leaves at ¥0")
                }
                out.append(literal: ".")
            }
        }
    }

    /// Anything else a reader needs: no delay, an added claim, an interpretation.
    public var notes: [String] {
        get { noteItems.map(\.text) }
        set { noteItems = newValue.map(Note.text) }
    }

    /// Adds a note at the end.
    mutating func note(_ note: Note) {
        noteItems.append(note)
    }
}
