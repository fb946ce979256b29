-- Complete sign-ins: GET /auth/login, then GET /auth/callback with the state from the redirect and the
-- login cookie, on whichever connection of this thread is free next. The provider stub answers at once.
local code = os.getenv("BENCH_CODE")
local pending = {}

request = function()
  local next = table.remove(pending)
  if next then
    return wrk.format("GET", "/auth/callback?code=" .. code .. "&state=" .. next[1],
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
