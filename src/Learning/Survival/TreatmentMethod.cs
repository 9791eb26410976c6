using FedChain.Learning.Aggregation;
using FedChain.Learning.Models;
using FedChain.Learning.Training;

namespace FedChain.Learning.Survival;

/// <summary>A survival model family and its training settings; <see cref="Candidate"/> names the setting among its family's grid.</summary>
public sealed record TreatmentMethod(string Name, string Candidate, ModelSpec Model, LocalTrainingOptions Client, ServerSettings Server, int Rounds);
