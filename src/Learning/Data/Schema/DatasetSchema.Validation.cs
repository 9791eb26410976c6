namespace FedChain.Learning.Data.Schema;

public sealed partial record DatasetSchema
{
    private void Validate(string source)
    {
        void Fail(string what) => throw new SchemaException($"schema '{source}': {what}");

        if (string.IsNullOrWhiteSpace(Name)) Fail("'name' is empty");
        if (Columns.Count == 0) Fail("'columns' is empty");
        if (Rows.MaxDroppedFraction is < 0 or > 1) Fail($"rows.maxDroppedFraction must be in [0, 1], got {Rows.MaxDroppedFraction}");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (column, i) in Columns.Select((c, i) => (c, i)))
        {
            var where = $"columns[{i}] '{column.Name}'";
            if (string.IsNullOrWhiteSpace(column.Name)) Fail($"columns[{i}] has no name");
            if (!names.Add(column.Name)) Fail($"{where}: the name is used twice");
            if (column.Min > column.Max) Fail($"{where}: min {column.Min} is above max {column.Max}");
            if (column.Missing == MissingPolicy.Impute && column.Impute is null) Fail($"{where}: missing is 'impute' but no 'impute' value is given");
            if (column.Type == ColumnType.Categorical && (column.Categories is null || column.Categories.Count < 2))
            {
                Fail($"{where}: a categorical column needs at least two categories");
            }

            if (column.Role is ColumnRole.Feature or ColumnRole.Attribute && column.Type == ColumnType.Text) Fail($"{where}: a {column.Role.ToString().ToLowerInvariant()} cannot be text");
            if (column.Transform is not null && (column.Role != ColumnRole.Feature || column.Type != ColumnType.Numeric)) Fail($"{where}: only a numeric feature can have a 'transform'");
            if (column.Transform == FeatureTransform.Log1p && !(column.Min > -1)) Fail($"{where}: 'log1p' needs a 'min' above -1, so every valid value has a logarithm");
            if (column.Quantity is { } quantity && !Mapping.ClinicalUnits.Knows(quantity, column.Unit))
            {
                Fail($"{where}: quantity '{quantity}' with unit '{column.Unit}' is not in the clinical unit table ({Mapping.ClinicalUnits.Describe()})");
            }
        }

        if (FeatureCount == 0) Fail("no column has role 'feature'");
        ValidateTask(Fail);
        ValidateSplit(Fail);
    }

    private void ValidateTask(Action<string> fail)
    {
        void Needs(string? column, ColumnRole role, string field)
        {
            if (column is null) { fail($"task.{field} is required for a {Task.Kind} task"); return; }
            var spec = Columns.FirstOrDefault(c => c.Name == column);
            if (spec is null) fail($"task.{field} names column '{column}', which the schema does not list");
            else if (spec.Role != role) fail($"task.{field} column '{column}' must have role '{role.ToString().ToLowerInvariant()}'");
            else if (spec.Type != ColumnType.Numeric) fail($"task.{field} column '{column}' must be numeric");
        }

        if (Task.Kind is TaskKind.Binary or TaskKind.Count) Needs(Task.Label, ColumnRole.Label, "label");
        else
        {
            Needs(Task.Time, ColumnRole.Time, "time");
            Needs(Task.Event, ColumnRole.Event, "event");
        }
    }

    private void ValidateSplit(Action<string> fail)
    {
        if (Split.Kind == SplitKind.Random)
        {
            if (Split.TrainFraction is <= 0 or >= 1) fail($"split.trainFraction must be in (0, 1), got {Split.TrainFraction}");
            return;
        }

        if (Split.Column is null || Split.TrainValue is null || Split.TestValue is null)
        {
            fail("a 'column' split needs split.column, split.trainValue and split.testValue");
        }
        else if (Columns.FirstOrDefault(c => c.Name == Split.Column) is not { Role: ColumnRole.Split })
        {
            fail($"split.column '{Split.Column}' must be a column with role 'split'");
        }
    }
}
