import LatePenalty

/// A small deterministic generator (SplitMix64) for the tests that draw rows and cases from a
/// seed, so that a failing case is reproduced by its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    /// A whole number of 1 to `digits` decimal digits.
    mutating func amount(digits: Int) -> BigInteger {
        let count = int(1...digits)
        return BigInteger(String((0..<count).map { _ in Character(String(below(10))) }))!
    }
}
