namespace CountyTech.BureauRules;

/// <summary>
/// A request that is well formed but breaks a state rule or a natural key (an approval after a rejection, a
/// disbursement over the funding, a certificate number already registered). Answered 409 with the message as detail.
/// Domain code throws it; it never carries I/O.
/// </summary>
public sealed class RuleViolationException(string message) : Exception(message);
