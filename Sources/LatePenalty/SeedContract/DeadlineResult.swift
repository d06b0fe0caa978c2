/// A date a clause fixes, with how it was found.
public struct DeadlineResult: Sendable {
    public let date: CivilDate
    public let explanation: Explanation
}
