-- wrk script: POST /v1/decisions with varied questions (13,500 distinct bodies over the five bundled policies),
-- each wrk thread starting at a different point of the cycle. Answers carry the full trail (the default).
local policies = {"confluent", "mixpanel", "mulesoft", "pulumi", "workato"}
local practices = {"collect.direct", "collect.automatic", "share", "share.sell", "use", "retain",
                   "transfer.international", "right.delete", "third_party_collect.track"}
local data = {"user", "user.contact.email", "user.device.cookie_id", "user.location", "user.financial.credit_card"}
local recipients = {"", "third_party", "service_provider", "third_party.advertising"}
local regions = {"", "FR", "US-CA", "GB", "JP"}
local consents = {"", "granted", "denied"}

local requests = {}
local i = 0
local n = 0

function setup(thread)
  thread:set("offset", n * 7919)
  n = n + 1
end

function init(args)
  local headers = {["Content-Type"] = "application/json"}
  for _, p in ipairs(policies) do
    for _, pr in ipairs(practices) do
      for _, d in ipairs(data) do
        for _, r in ipairs(recipients) do
          for _, g in ipairs(regions) do
            for _, c in ipairs(consents) do
              local body = '{"policy":"' .. p .. '","practice":"' .. pr .. '","data":"' .. d .. '"'
              if r ~= "" then body = body .. ',"recipient":"' .. r .. '"' end
              if g ~= "" then body = body .. ',"region":"' .. g .. '"' end
              if c ~= "" then body = body .. ',"context":{"consent":"' .. c .. '"}' end
              body = body .. '}'
              requests[#requests + 1] = wrk.format("POST", "/v1/decisions", headers, body)
            end
          end
        end
      end
    end
  end
  -- "offset" is the global that setup() gave this thread
  i = (offset or 0) % #requests
end

function request()
  i = i % #requests + 1
  return requests[i]
end
