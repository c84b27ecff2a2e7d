-- wrk script: each connection's thread asks for the paths given after `--` in turn, so one run
-- spreads its requests evenly over several documents or queries instead of one warm answer.
local paths = {}
local last = 0

function init(args)
  for index = 1, #args do
    paths[index] = args[index]
  end
  if #paths == 0 then
    error("bench/mixed/paths.lua: give the paths after --")
  end
end

function request()
  last = last % #paths + 1
  return wrk.format("GET", paths[last])
end
