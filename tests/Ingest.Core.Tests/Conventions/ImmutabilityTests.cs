using System.Reflection;
using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Core.Tests.Conventions;

/// <summary>Records and layouts are values: no public setter outside init, no mutable collection in their surface.</summary>
public sealed class ImmutabilityTests
{
    public static TheoryData<Type> ContractTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(SubmissionRecord).Assembly.GetTypes()
                     .Where(t => t.IsPublic && t.Namespace is "Ingest.Core.Records" or "Ingest.Core.Layout" && !t.IsEnum && !t.IsInterface && !t.IsAbstract && !t.IsSubclassOf(typeof(Delegate)))
                     .Where(t => t != typeof(RecordJson)))
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void Properties_are_init_only_and_collections_read_only(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is { IsPublic: true })
            {
                var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
                Assert.True(isInit, $"{type.Name}.{property.Name} has a public setter");
            }
            var propertyType = property.PropertyType;
            if (propertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                Assert.True(propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() is var d
                        && (d == typeof(IReadOnlyList<>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IEnumerable<>)),
                    $"{type.Name}.{property.Name} is {propertyType.Name}, not a read-only collection");
            }
        }
    }

    [Fact]
    public void The_contract_types_are_found() => Assert.True(((IEnumerable<object[]>)ContractTypes()).Count() >= 10);

    [Fact]
    public void Styled_text_knows_when_it_is_marked()
    {
        Assert.True(new StyledText("前太後", [new StyledSpan(1, 1, TextStyle.Bold)]).HasMarkedText);
        Assert.False(new StyledText("前 後", [new StyledSpan(1, 1, TextStyle.Bold)]).HasMarkedText);
    }
}
