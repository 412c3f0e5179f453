-- wrk script: POST /v1/decisions over 120,000 distinct questions drawn in Zipf order (s = 1): a few questions are
-- asked very often, most rarely, as a real client mix is. The memo hits on repeated question classes only.
local policies = {"confluent", "mixpanel", "mulesoft", "pulumi", "workato"}
local practices = {"collect", "collect.direct", "collect.automatic", "share", "share.sell", "use", "retain",
                   "transfer.international", "right.delete", "right.access", "third_party_collect.track", "use.profile"}
local data = {"user", "user.contact", "user.contact.email", "user.device.cookie_id", "user.device.ip_address", "user.location",
              "user.financial.credit_card", "user.behavior.browsing_history", "user.health_and_medical", "user.name"}
local recipients = {"", "third_party", "service_provider", "third_party.advertising", "affiliate", "third_party.legal"}
local regions = {"", "FR", "DE", "US-CA", "US", "GB", "JP", "BR"}
local consents = {"", "granted", "denied"}
local ages = {"", "12", "15", "30"}
local DISTINCT = 120000

local requests = {}
local cdf = {}
local n = 0

function setup(thread)
  thread:set("offset", n * 7919)
  n = n + 1
end

function init(args)
  local headers = {["Content-Type"] = "application/json"}
  local all = {}
  for _, p in ipairs(policies) do for _, pr in ipairs(practices) do for _, d in ipairs(data) do
    for _, r in ipairs(recipients) do for _, g in ipairs(regions) do for _, c in ipairs(consents) do for _, a in ipairs(ages) do
      all[#all + 1] = {p, pr, d, r, g, c, a}
    end end end
  end end end end
  -- A fixed shuffle, so the popular questions are spread over policies and practices.
  local seed = 20261201
  for k = #all, 2, -1 do
    seed = (seed * 1103515245 + 12345) % 2147483648
    local j = seed % k + 1
    all[k], all[j] = all[j], all[k]
  end
  local total = 0
  for k = 1, DISTINCT do
    local q = all[k]
    local body = '{"policy":"' .. q[1] .. '","practice":"' .. q[2] .. '","data":"' .. q[3] .. '"'
    if q[4] ~= "" then body = body .. ',"recipient":"' .. q[4] .. '"' end
    if q[5] ~= "" then body = body .. ',"region":"' .. q[5] .. '"' end
    local ctx = {}
    if q[6] ~= "" then ctx[#ctx + 1] = '"consent":"' .. q[6] .. '"' end
    if q[7] ~= "" then ctx[#ctx + 1] = '"age":' .. q[7] end
    if #ctx > 0 then body = body .. ',"context":{' .. table.concat(ctx, ",") .. '}' end
    requests[k] = wrk.format("POST", "/v1/decisions", headers, body .. '}')
    total = total + 1 / k
    cdf[k] = total
  end
  for k = 1, DISTINCT do cdf[k] = cdf[k] / total end
  math.randomseed(os.time() + (offset or 0))
end

function request()
  local u = math.random()
  local lo, hi = 1, DISTINCT
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return requests[lo]
end
