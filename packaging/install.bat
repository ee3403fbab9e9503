@echo off
chcp 65001 >nul
setlocal EnableExtensions DisableDelayedExpansion
rem jixiao offline installer for Windows: no administrator rights, no network.
rem It makes .venv beside this file, installs jixiao from wheels\ and writes jixiao.bat.
rem Control flow uses goto only: a folder name with "(" or ")" breaks a parenthesised block,
rem and every path is quoted, so Chinese names and spaces in the folder are fine.

set "HERE=%~dp0"
set "VENV=%HERE%.venv"
set "PY="

echo ==== jixiao 离线安装 ====
echo 安装位置："%HERE%"
echo.

rem The newest Python the bundle carries wheels for, through the py launcher first.
for %%V in (3.14 3.13 3.12 3.11) do if not defined PY call :probe py -%%V
if not defined PY call :probe python
if not defined PY goto no_python
echo 使用的 Python：%PY%

%PY% -m venv --clear "%VENV%"
if errorlevel 1 goto venv_failed

"%VENV%\Scripts\python.exe" -m pip install --disable-pip-version-check --no-index --find-links "%HERE%wheels" jixiao
if errorlevel 1 goto pip_failed

> "%HERE%jixiao.bat" echo @echo off
>> "%HERE%jixiao.bat" echo rem jixiao launcher written by install.bat; run install.bat again after moving this folder.
>> "%HERE%jixiao.bat" echo setlocal
>> "%HERE%jixiao.bat" echo set "PYTHONUTF8=1"
>> "%HERE%jixiao.bat" echo "%%~dp0.venv\Scripts\jixiao.exe" %%*
>> "%HERE%jixiao.bat" echo set "RC=%%errorlevel%%"
>> "%HERE%jixiao.bat" echo if "%%~1"=="" if not "%%RC%%"=="0" pause
>> "%HERE%jixiao.bat" echo exit /b %%RC%%

call "%HERE%jixiao.bat" --version
if errorlevel 1 goto pip_failed

echo.
echo 安装完成。双击 jixiao.bat 打开程序，或把 .db 文件拖到 jixiao.bat 上打开它。
echo 想在桌面放一个图标：右键 jixiao.bat，选“发送到”→“桌面快捷方式”。
echo 建议在 Windows Terminal 中使用（详见“安装说明.txt”）。
goto finish

:no_python
echo 未找到 64 位的 Python 3.11 至 3.14。
echo 请先安装 Python：运行 python.org 的 Windows installer (64-bit)，选择 Install Now（只为当前用户安装，
echo 不需要管理员权限），并勾选 Add python.exe to PATH。装好后关闭本窗口，再双击 install.bat。
goto finish

:venv_failed
echo 创建 .venv 失败。如果本文件夹在 C:\Program Files 等需要管理员权限的位置，
echo 请把整个文件夹移到“文档”或 D:\ 下，再双击 install.bat。
goto finish

:pip_failed
echo 安装失败。请把本窗口的内容截图，连同 Python 版本一起发给负责信息化的同事。
goto finish

:probe
%* -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 14) and sys.maxsize > 2**32 else 1)" >nul 2>&1
if not errorlevel 1 set "PY=%*"
exit /b 0

:finish
echo.
pause
