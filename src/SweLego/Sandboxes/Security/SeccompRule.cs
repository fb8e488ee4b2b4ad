namespace SweLego.Sandboxes.Security;

/// <summary>
/// One refusal of <see cref="SeccompPolicy"/>: <see cref="Syscall"/> fails with <see cref="Errno"/>,
/// always or (with <see cref="ArgumentIndex"/>) only when that argument has every bit of
/// <see cref="Mask"/> set.
/// </summary>
public sealed record SeccompRule(string Syscall, int Errno, int? ArgumentIndex = null, ulong Mask = 0);
