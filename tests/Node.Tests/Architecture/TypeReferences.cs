using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FedChain.Node.Tests.Architecture;

/// <summary>
/// Every type a compiled assembly's types refer to: signatures, attributes, locals and the operands of
/// each IL instruction (calls, field accesses, casts, allocations), so a reference written with a fully
/// qualified name or hidden in a lambda counts as much as one behind a using directive.
/// </summary>
internal static class TypeReferences
{
    /// <summary>(referring type, referred type) pairs, both as namespace-qualified names of their outermost type.</summary>
    public static IEnumerable<(TypeReference From, TypeReference To)> Of(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = Outermost(type);
            foreach (var to in Referred(type).SelectMany(Flatten)) yield return (from, Outermost(to));
        }
    }

    /// <summary>The namespace a type lives in (nested types take their declaring type's).</summary>
    public static string NamespaceOf(TypeReference type) => Outermost(type).Namespace;

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<TypeReference> Referred(TypeDefinition type)
    {
        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var e in type.Events) yield return e.EventType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                yield return t;
                break;
            case MethodReference m:
                yield return m.DeclaringType;
                yield return m.ReturnType;
                foreach (var p in m.Parameters) yield return p.ParameterType;
                if (m is GenericInstanceMethod g)
                {
                    foreach (var a in g.GenericArguments) yield return a;
                }

                break;
            case FieldReference f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
        }
    }

    /// <summary>A type with its element and generic argument types: List&lt;Chunk[]&gt; refers to Chunk too.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType g:
                yield return g.ElementType;
                foreach (var t in g.GenericArguments.SelectMany(Flatten)) yield return t;
                break;
            case TypeSpecification s:
                foreach (var t in Flatten(s.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
