using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class ImageReferencesTests
{
    [Theory]
    [InlineData("nginx", "nginx", "")]
    [InlineData("nginx:1.27", "nginx", "1.27")]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", "")]
    [InlineData("registry:5000/team/app:1.0", "registry:5000/team/app", "1.0")]
    [InlineData("registry:5000/team/app@sha256:0123", "registry:5000/team/app", "sha256:0123")]
    [InlineData("registry:5000/team/app:1.0@sha256:0123", "registry:5000/team/app", "1.0@sha256:0123")]
    public void A_reference_splits_into_name_and_what_follows_it(string reference, string name, string tag)
    {
        Assert.Equal(name, ImageReferences.NameOf(reference));
        Assert.Equal(tag, ImageReferences.TagOf(reference));
    }
}
