using System.Reflection;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Unit.Ovh;

public sealed class OvhReadOnlyTests
{
    [Theory]
    [InlineData(typeof(OvhApiTransport))]
    [InlineData(typeof(OvhApi))]
    [InlineData(typeof(IOvhApi))]
    public void No_public_member_of_the_OVH_client_can_express_anything_but_GET(Type type)
    {
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(members);
        foreach (var member in members)
        {
            foreach (var verb in new[] { "Post", "Put", "Delete", "Patch", "Send" })
            {
                Assert.False(member.Name.Contains(verb, StringComparison.OrdinalIgnoreCase), $"{type.Name}.{member.Name} names {verb}");
            }

            if (member is MethodBase method)
            {
                Assert.DoesNotContain(method.GetParameters(), p => p.ParameterType == typeof(HttpMethod) ||
                                                                   p.ParameterType == typeof(HttpRequestMessage) ||
                                                                   p.ParameterType == typeof(HttpContent));
            }

            if (member is PropertyInfo property)
            {
                Assert.NotEqual(typeof(HttpMethod), property.PropertyType);
                Assert.NotEqual(typeof(HttpClient), property.PropertyType);
            }
        }

        Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance),
            c => c.GetParameters().Any(p => p.ParameterType == typeof(HttpClient) || p.ParameterType == typeof(HttpMessageHandler)));
    }

    [Fact]
    public void The_transport_offers_only_GET_shaped_methods()
    {
        var methods = typeof(OvhApiTransport).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Distinct().Order();

        Assert.Equal(["GetAsync", "GetPublicAsync", "ListAsync", "ListIdsAsync"], methods);
    }
}
