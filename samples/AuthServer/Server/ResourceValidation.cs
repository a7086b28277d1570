using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthServer.Server;

/// <summary>
/// Applies <see cref="ResourcePolicy"/> in place of OpenIddict's static resource list (which cannot express Development's
/// loopback rule). An authorization request must name a resource, so every access token is bound to an audience.
/// </summary>
public static class ResourceValidation
{
    public sealed class OnAuthorizationRequest(ResourcePolicy policy) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
                .UseSingletonHandler<OnAuthorizationRequest>()
                .SetOrder(OpenIddictServerHandlers.Authentication.ValidateResourceParameter.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
        {
            var resources = context.Request.GetResources();
            if (resources.IsDefaultOrEmpty)
            {
                context.Reject(Errors.InvalidTarget, "The 'resource' parameter is required: name the resource server the token is for (RFC 8707).");
                return ValueTask.CompletedTask;
            }
            Apply(policy, resources, context);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Token requests may omit resource (the grant's resources apply) or narrow it; see the token endpoint.</summary>
    public sealed class OnTokenRequest(ResourcePolicy policy) : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
                .UseSingletonHandler<OnTokenRequest>()
                .SetOrder(OpenIddictServerHandlers.Exchange.ValidateResourceParameter.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            Apply(policy, context.Request.GetResources(), context);
            return ValueTask.CompletedTask;
        }
    }

    private static void Apply(ResourcePolicy policy, IEnumerable<string> resources, BaseValidatingContext context)
    {
        foreach (var resource in resources)
        {
            if (policy.Check(resource) is { } problem)
            {
                context.Reject(Errors.InvalidTarget, $"The {problem}.");
                return;
            }
        }
    }
}
