#pragma once

#include <optional>
#include <string_view>

namespace mt::http {

enum class Method { Get, Head, Post, Put, Delete, Patch, Options, Trace, Connect };

// Returns nullopt for a method token this server does not implement (answered 501).
std::optional<Method> parseMethod(std::string_view token);
std::string_view methodName(Method m);

}  // namespace mt::http
