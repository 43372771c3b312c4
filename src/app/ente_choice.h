// Switching among the enti a signed-in user may open (the ente picker of the web header).
//
// Today's account model gives a user one role on one ente, or, for an amministratore created
// from the command line without --ente, every ente of the database (store/accounts.h). The
// picker therefore serves the second kind: the chosen ente narrows the principal for the
// request, so every page, form and download is scoped to it exactly as for an amministratore
// bound to that ente. A choice outside the user's enti is ignored: it never widens access.
#pragma once

#include <string_view>
#include <vector>

#include "app/auth.h"
#include "core/model.h"
#include "store/store.h"

namespace traguardi::app {

/// More than one ente to choose among (an unbound user on a database with several enti).
bool may_switch_ente(Store& store, const Principal& p);

/// Narrows `p` to `code` when it is one of the enti `p` may open; false (and `p` unchanged)
/// otherwise, including for users bound to one ente.
bool choose_ente(Store& store, Principal& p, std::string_view code);

} // namespace traguardi::app
