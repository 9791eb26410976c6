namespace FedChain.Learning.Aggregation;

/// <summary>
/// What a server rule carries from round to round, serialisable so a restarted node resumes with
/// the same bits: FedOpt's moments m and v, SCAFFOLD's global control variate c.
/// </summary>
public sealed record ServerState(int RoundsApplied = 0, float[]? Momentum = null, float[]? SecondMoment = null, float[]? Control = null);
