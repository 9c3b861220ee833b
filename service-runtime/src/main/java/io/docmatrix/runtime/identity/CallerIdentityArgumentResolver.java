package io.docmatrix.runtime.identity;

import io.docmatrix.runtime.web.ApiProblem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link CallerIdentity} parameter; a request without a verified caller is refused
 * with 401 before the method runs, so no handler can forget the check.
 */
final class CallerIdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CallerIdentity.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object caller = webRequest.getAttribute(CallerIdentityFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof CallerIdentity identity) {
            return identity;
        }
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This request needs an authenticated caller.");
    }
}
