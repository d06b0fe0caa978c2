/// Whether each segment of an accrual is rounded on its own before the segments are summed, or
/// only the total is rounded. A named choice, because the two can differ by a yen per segment.
///
/// - `eachSegment`: the rule of 租税特別措置法第96条第2項 (計算過程の1円未満切捨て) and of the
///   Japanese court convention: floor each part, then sum.
/// - `totalOnly`: keep every segment exact and round once, at the end.
public enum SegmentRounding: Sendable, Hashable, CustomStringConvertible {
    case eachSegment(Rounding)
    case totalOnly

    public var description: String {
        switch self {
        case .eachSegment(let rounding): return "each segment: \(rounding)"
        case .totalOnly: return "segments exact; total rounded once"
        }
    }
}
