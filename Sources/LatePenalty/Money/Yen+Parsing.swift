extension Yen {
    /// Parses an amount of yen written as digits, exactly.
    ///
    /// Accepted: ASCII or full-width digits (０–９), any number of them, optionally grouped by
    /// thousands with `,` (or full-width `，`) where every group after the first has exactly three
    /// digits: `1234567`, `1,234,567`, `１２３４５６７`.
    /// Rejected, with the reason: an empty field, a sign, a decimal point, an exponent, spaces,
    /// a yen sign or `円`, wrong grouping (`12,34`), and any other character.
    public static func parse(_ text: some StringProtocol, field: String = "amount") throws(InputError) -> Yen {
        func fail(_ reason: String) -> InputError { InputError(field: field, reason: reason) }
        guard !text.isEmpty else { throw fail("is empty; give an amount in whole yen, e.g. 1200000") }
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        var groupSizes: [Int] = [0]
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits.append(UInt8(scalar.value)); groupSizes[groupSizes.count - 1] += 1
            case 0xFF10...0xFF19:
                digits.append(UInt8(scalar.value - 0xFF10 + 0x30)); groupSizes[groupSizes.count - 1] += 1
            case 0x2C, 0xFF0C:
                groupSizes.append(0)
            case 0x2D, 0x2B, 0x2212, 0xFF0D, 0xFF0B:
                throw fail("\(InputError.quoted(text)) has a sign; amounts are whole yen, 0 or more")
            case 0x2E, 0xFF0E:
                throw fail("\(InputError.quoted(text)) has a decimal point; amounts are whole yen")
            case 0x65, 0x45:
                throw fail("\(InputError.quoted(text)) is not plain digits (exponents are not accepted); amounts are whole yen")
            default:
                throw fail("\(InputError.quoted(text)) contains '\(InputError.visible(Character(scalar)))'; write the amount as digits only, e.g. 1,200,000")
            }
        }
        if groupSizes.count > 1 {
            let firstOK = (1...3).contains(groupSizes[0])
            guard firstOK, groupSizes.dropFirst().allSatisfy({ $0 == 3 }) else {
                throw fail("\(InputError.quoted(text)) is not grouped by thousands; write 1,234,567 or 1234567")
            }
        }
        guard !digits.isEmpty else { throw fail("\(InputError.quoted(text)) has no digits") }
        return Yen(BigInteger(digits.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })!)
    }
}
