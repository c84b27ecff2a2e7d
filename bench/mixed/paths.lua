-- wrk script: each connection's thread asks for the paths given after `--` in turn, so one run
-- spreads its requests evenly over several documents or queries instead of one warm answer.
-- A first argument `think=MS` makes each connection wait MS milliseconds before each request,
-- as a reader does between pages, so the readers' rate is bounded instead of the server's all.
local paths = {}
local last = 0
local think = 0

function init(args)
  for index = 1, #args do
    local value = args[index]:match("^think=(%d+)$")
    if value then
      think = tonumber(value)
    else
      paths[#paths + 1] = args[index]
    end
  end
  if #paths == 0 then
    error("bench/mixed/paths.lua: give the paths after --")
  end
  -- Without a think time wrk must not call delay() at all: it checks for it after init.
  if think == 0 then
    delay = nil
  end
end

function delay()
  return think
end

function request()
  last = last % #paths + 1
  return wrk.format("GET", paths[last])
end
