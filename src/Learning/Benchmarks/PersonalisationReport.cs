namespace FedChain.Learning.Benchmarks;

/// <summary>The personalisation benchmark: the results.json contract, and how it was chosen.</summary>
/// <param name="Chosen">The candidate chosen on validation rows.</param>
/// <param name="DeployedAt">The sites where it beat the global model on their own validation rows (elsewhere the site keeps the global model).</param>
/// <param name="GlobalValidation">The global model's validation accuracy per site.</param>
/// <param name="Validation">Each candidate's validation accuracy per site.</param>
/// <param name="Methods">Each method's best candidate: its personal models' test accuracy per site, deployed everywhere.</param>
public sealed record PersonalisationReport(
    PersonalisationResult Result,
    string Chosen,
    IReadOnlyList<string> DeployedAt,
    IReadOnlyDictionary<string, double> GlobalValidation,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Validation,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Methods,
    IReadOnlyList<long> Seeds);
