module gosteps/step04-todo

go 1.26.0
