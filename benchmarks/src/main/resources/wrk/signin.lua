-- Complete sign-ins: GET /auth/login, then GET /auth/callback with the state from the redirect and the
-- login cookie, on whichever connection of this thread is free next. The provider stub answers at once.
-- BENCH_ACCOUNTS > 1 spreads the sign-ins over that many provider accounts (codes CODE-0 .. CODE-(N-1), each
-- its own shopper), as many shoppers signing in would; 1 (the default) signs in one account again and again.
local code = os.getenv("BENCH_CODE")
local accounts = tonumber(os.getenv("BENCH_ACCOUNTS") or "1")
local pending = {}
local started = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local function account()
  if accounts <= 1 then
    return code
  end
  started = started + 1
  -- Threads take turns through the accounts, so two threads rarely sign in one account at once.
  return code .. "-" .. ((started * 7919 + (offset or 0) * 104729) % accounts)
end

request = function()
  local next = table.remove(pending)
  if next then
    return wrk.format("GET", "/auth/callback?code=" .. account() .. "&state=" .. next[1],
      { ["Cookie"] = "shopper_login=" .. next[2] })
  end
  return wrk.format("GET", "/auth/login")
end

response = function(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 302 and location and location:find("state=", 1, true) then
    local cookie = headers["Set-Cookie"] or headers["set-cookie"] or ""
    local state = location:match("[?&]state=([^&]+)")
    local binding = cookie:match("shopper_login=([^;]+)")
    if state and binding then
      table.insert(pending, { state, binding })
    end
  end
end
