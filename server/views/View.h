#pragma once

#include <concepts>
#include <functional>
#include <type_traits>
#include <utility>

#include "HttpHandler.h"
#include "RouteParams.h"

namespace mt::views {

// What a view gets for one request. `request` and `params` are valid only during the
// view call; `responder` is the right to answer, which a view copies into work it
// sends elsewhere (a worker, a timer) to answer later, from any thread.
struct ViewContext {
  const http::HttpRequest& request;
  const RouteParams& params;
  http::Responder responder;
};

class View;

// A callable a View can be made from (see View).
template <typename F>
concept ViewCallable = !std::same_as<std::remove_cvref_t<F>, View> &&
                       std::invocable<const std::remove_cvref_t<F>&, const ViewContext&>;

// A view: what a route runs for a request. Made from either of two callables:
//   void(const ViewContext&)          answers through ctx.responder, now or later;
//   HttpResponse(const ViewContext&)  answers synchronously with what it returns.
// A view that throws is answered 500 by the router. Views run on several loop threads
// at once, so the callable must be callable as const (no mutable lambdas).
class View {
 public:
  View() = default;

  template <ViewCallable F>
  View(F&& view) {  // NOLINT(google-explicit-constructor): views are written as lambdas
    using Callable = std::remove_cvref_t<F>;
    using Result = std::invoke_result_t<const Callable&, const ViewContext&>;
    if constexpr (std::is_same_v<Result, http::HttpResponse>) {
      run_ = [f = Callable(std::forward<F>(view))](const ViewContext& ctx) {
        ctx.responder.send(f(ctx));
      };
    } else {
      static_assert(std::is_void_v<Result>, "a view returns void or http::HttpResponse");
      run_ = Callable(std::forward<F>(view));
    }
  }

  void operator()(const ViewContext& ctx) const { run_(ctx); }
  explicit operator bool() const { return static_cast<bool>(run_); }

 private:
  std::function<void(const ViewContext&)> run_;
};

}  // namespace mt::views
